/**
 * The Content-Security-Policy of the app's pages. No 'unsafe-eval' anywhere; inline styles
 * only (the code editor injects <style> elements); connections to the page's own origin
 * and, only where the page uses it, the loopback web bridge.
 */
export interface CspOptions {
  /** ws://127.0.0.1:PORT of the web bridge, when this page talks through it. */
  bridgeUrl?: string | undefined;
  /** Vite dev server origin: allows its HMR socket and React Refresh's inline preamble. */
  devServerUrl?: string | undefined;
}

export function buildCsp(opts: CspOptions = {}): string {
  const connect = ["'self'"];
  const script = ["'self'"];
  if (opts.bridgeUrl) connect.push(new URL(opts.bridgeUrl).origin.replace(/^http/, 'ws'));
  if (opts.devServerUrl) {
    const dev = new URL(opts.devServerUrl);
    connect.push(`ws://${dev.host}`, `wss://${dev.host}`);
    // Development only: @vitejs/plugin-react injects an inline module script for Fast Refresh.
    script.push("'unsafe-inline'");
  }
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy without the directives a <meta> tag cannot carry (browsers ignore and warn). */
export function buildMetaCsp(opts: CspOptions = {}): string {
  return buildCsp(opts)
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
}
