import { existsSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../core/app';
import { bridgeQuery, startWebBridge } from '../ipc/web-bridge';
import { buildCsp } from '../window/csp';
import { startStaticServer } from './static-server';

/**
 * MockDeck without Electron: the renderer's web build served on 127.0.0.1, talking to the
 * app through the loopback web bridge (a random token, the same transport the browser
 * tests use). The page finds the bridge in its query string, so `appUrl` is all a browser
 * needs. Both listeners join the app's lifecycle: `app.close()` stops them first.
 */

export interface BrowserUiOptions {
  /** The renderer's web build (`npm run build:renderer` writes out/renderer-web). */
  rendererDir: string;
  /** The bridge's token; random when absent. */
  token?: string;
}

export interface BrowserUi {
  /** The renderer page with `?bridge=…&token=…` in it: open this. */
  appUrl: string;
  /** ws://127.0.0.1:PORT (without the token). */
  bridgeUrl: string;
  token: string;
}

export async function serveBrowserUi(app: App, opts: BrowserUiOptions): Promise<BrowserUi> {
  const rendererDir = path.resolve(opts.rendererDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`no renderer build in ${rendererDir}: run \`npm run build:renderer\` first`);
  }
  // Only the page this function serves may open the socket; its origin is known once the
  // static server listens (which needs the bridge URL for its CSP first).
  let pageOrigin: string | null = null;
  const bridge = await app.lifecycle.open('web bridge', () =>
    startWebBridge({
      dispatcher: app.router.forTransport('web-bridge'),
      events: app.events,
      allowedOrigins: () => (pageOrigin ? [pageOrigin] : []),
      ...(opts.token ? { token: opts.token } : {}),
    }),
  );
  // The page may connect to its own origin and to this one bridge socket, nothing else.
  const web = await app.lifecycle.open('renderer web server', () =>
    startStaticServer(rendererDir, { 'content-security-policy': buildCsp({ bridgeUrl: bridge.url }) }),
  );
  pageOrigin = new URL(web.url).origin;
  return { appUrl: `${web.url}?${bridgeQuery(bridge)}`, bridgeUrl: bridge.url, token: bridge.token };
}

/**
 * Where the renderer's web build is in this checkout: out/renderer-web next to the
 * package.json found above `from` (this file in source runs and in the CLI bundle alike).
 */
export function defaultRendererDir(from: string): string | null {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'renderer'))) {
      return path.join(dir, 'out', 'renderer-web');
    }
    if (path.dirname(dir) === dir) return null;
  }
}
