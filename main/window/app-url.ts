import { pathToFileURL } from 'node:url';

/**
 * Which URLs are the app itself: the built index.html (file://) or, in development, pages
 * of the Vite dev server. Everything the window may show or receive IPC from is checked
 * here, by parsing, never by substring.
 */
export interface AppUrlPolicy {
  /** What the window loads first. */
  readonly entryUrl: string;
  isAppUrl(url: unknown): boolean;
}

export function createAppUrlPolicy(opts: { devServerUrl?: string | undefined; indexFile: string }): AppUrlPolicy {
  if (opts.devServerUrl) {
    const dev = new URL(opts.devServerUrl);
    if (dev.protocol !== 'http:' && dev.protocol !== 'https:')
      throw new Error(`dev server URL must be http(s): ${opts.devServerUrl}`);
    return {
      entryUrl: dev.href,
      isAppUrl: (url) => {
        const u = parse(url);
        return (
          !!u &&
          (u.protocol === 'http:' || u.protocol === 'https:') &&
          u.origin === dev.origin &&
          !u.username &&
          !u.password
        );
      },
    };
  }
  const entry = pathToFileURL(opts.indexFile);
  return {
    entryUrl: entry.href,
    // file:// URLs all share one opaque origin, so the check is the exact file, not an origin.
    isAppUrl: (url) => {
      const u = parse(url);
      return !!u && u.protocol === 'file:' && u.host === '' && u.pathname === entry.pathname;
    },
  };
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
