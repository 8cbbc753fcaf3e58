import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A one-shot listener on 127.0.0.1 that waits for the browser to come back to MockDeck (after
 * a sign-in or a checkout). A random `state` in every callback URL ties the visit to this
 * attempt: another local page cannot finish it for the user. Visits with the wrong state are
 * answered 400 and ignored, so they cannot end the wait either.
 */
export interface LoopbackCallback<T> {
  /** `http://127.0.0.1:PORT<path>?state=…` for one of the paths this listener serves. */
  urlFor(path: string): string;
  /** `http://127.0.0.1:PORT<path>`, for a flow whose server appends the state itself (OAuth). */
  bareUrlFor(path: string): string;
  readonly state: string;
  /** Settles on the first visit with the right state, on timeout or on abort. */
  readonly result: Promise<T>;
  close(): void;
}

/** What a visit with the right state means: a value, or a failure that ends the wait. */
export type CallbackOutcome<T> = { value: T; page: string } | { error: Error; page: string };

export interface LoopbackOptions<T> {
  /** Path → what a visit with the right state means, and the page shown in the browser. */
  routes: Record<string, (params: URLSearchParams) => CallbackOutcome<T>>;
  timeoutMs: number;
  timeoutError: () => Error;
  /**
   * A visit with the wrong state: by default answered 400 and ignored. A flow whose answer
   * carries a credential (OAuth) passes an error instead, ending the attempt loudly.
   */
  wrongStateError?: () => Error;
  signal?: AbortSignal;
}

export const callbackPage = (text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>MockDeck</title><body style="font-family:sans-serif;padding:2em"><p>${text}</p></body>`;

export async function openLoopbackCallback<T>(opts: LoopbackOptions<T>): Promise<LoopbackCallback<T>> {
  const state = randomBytes(24).toString('base64url');
  let settle!: { resolve: (v: T) => void; reject: (e: Error) => void };
  const result = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  // The answer may arrive before anyone awaits it.
  result.catch(() => undefined);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = Object.hasOwn(opts.routes, url.pathname) ? opts.routes[url.pathname] : undefined;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    if (!sameState(url.searchParams.get('state') ?? '', state)) {
      res
        .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
        .end(callbackPage('This link is not the one MockDeck started. Go back to MockDeck and start again.'));
      if (opts.wrongStateError) settle.reject(opts.wrongStateError());
      return;
    }
    const outcome = route(url.searchParams);
    res
      .writeHead('error' in outcome ? 400 : 200, { 'content-type': 'text/html; charset=utf-8' })
      .end(callbackPage(outcome.page));
    if ('error' in outcome) settle.reject(outcome.error);
    else settle.resolve(outcome.value);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const timer = setTimeout(() => settle.reject(opts.timeoutError()), opts.timeoutMs);
  const onAbort = (): void => settle.reject(opts.signal?.reason as Error);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    urlFor: (path) => `http://127.0.0.1:${port}${path}?state=${state}`,
    bareUrlFor: (path) => `http://127.0.0.1:${port}${path}`,
    state,
    result,
    close() {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      server.closeAllConnections();
      server.close();
    },
  };
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
