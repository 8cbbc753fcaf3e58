import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../util/errors';

export const OAUTH_PROVIDERS = ['github', 'google'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

/** Opens a URL in the system browser; the Electron shell passes shell.openExternal. */
export type OpenExternal = (url: string) => Promise<void>;

export interface OAuthFlowOptions {
  baseUrl: string;
  provider: OAuthProvider;
  openExternal: OpenExternal;
  timeoutMs?: number;
  /** Aborting it (the app is closing) ends the flow and closes its listener at once. */
  signal?: AbortSignal;
}

const PAGE = (text: string) =>
  `<!doctype html><meta charset="utf-8"><title>MockDeck</title><body style="font-family:sans-serif;padding:2em"><p>${text}</p></body>`;

/**
 * Browser sign-in: a one-shot listener on 127.0.0.1 receives ?token&state from the cloud's
 * redirect. The random state ties the answer to this attempt, so another local page cannot
 * plant its own token. Resolves with the JWT; never logs it.
 */
export async function runOAuthFlow(opts: OAuthFlowOptions): Promise<string> {
  const state = randomBytes(24).toString('base64url');
  let settle!: { resolve: (t: string) => void; reject: (e: Error) => void };
  const result = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // The answer may arrive while openExternal is still pending; it is awaited below.
  result.catch(() => undefined);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    const token = url.searchParams.get('token');
    const got = url.searchParams.get('state') ?? '';
    if (!sameState(got, state)) {
      res
        .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
        .end(PAGE('This sign-in link is not the one MockDeck started. Start the sign-in again from MockDeck.'));
      settle.reject(
        new AppError('UNAUTHORIZED', 'The browser sign-in answered with the wrong state, so it was refused.', {
          hint: 'Start the sign-in again.',
        }),
      );
      return;
    }
    if (!token) {
      const why = url.searchParams.get('error') ?? 'no token was returned';
      res
        .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
        .end(PAGE('Sign-in did not complete. You can close this tab.'));
      settle.reject(
        new AppError('UNAUTHORIZED', `The browser sign-in did not complete (${why.slice(0, 100)}).`, {
          hint: 'Try again.',
        }),
      );
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(PAGE('You are signed in to MockDeck. You can close this tab.'));
    settle.resolve(token);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const timer = setTimeout(
    () =>
      settle.reject(
        new AppError('UNAUTHORIZED', 'The browser sign-in was not completed in time.', {
          hint: 'Start the sign-in again.',
        }),
      ),
    opts.timeoutMs ?? 5 * 60_000,
  );
  const onAbort = (): void => settle.reject(opts.signal?.reason as Error);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const authorize = new URL(`${opts.baseUrl}/api/v1/auth/oauth/${opts.provider}/authorize`);
    authorize.searchParams.set('redirect_uri', `http://127.0.0.1:${port}/callback`);
    authorize.searchParams.set('state', state);
    // Racing the answer: a sign-in cancelled while the browser is still opening ends now.
    await Promise.race([opts.openExternal(authorize.toString()), result]); // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: the shell's opener is openWebUrlsOnly (http(s) only) and the base URL is normalized to http(s)
    return await result;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    server.closeAllConnections();
    server.close();
  }
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
