import { AppError } from '../util/errors';
import { openLoopbackCallback } from './loopback-callback';

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

/**
 * Browser sign-in: a one-shot listener on 127.0.0.1 (loopback-callback.ts) receives
 * ?token&state from the cloud's redirect. The random state ties the answer to this attempt,
 * so another local page cannot plant its own token: a wrong state ends the attempt.
 * Resolves with the JWT; never logs it.
 */
export async function runOAuthFlow(opts: OAuthFlowOptions): Promise<string> {
  const callback = await openLoopbackCallback<string>({
    routes: {
      '/callback': (params) => {
        const token = params.get('token');
        if (token) return { value: token, page: 'You are signed in to MockDeck. You can close this tab.' };
        const why = params.get('error') ?? 'no token was returned';
        return {
          page: 'Sign-in did not complete. You can close this tab.',
          error: new AppError('UNAUTHORIZED', `The browser sign-in did not complete (${why.slice(0, 100)}).`, {
            hint: 'Try again.',
          }),
        };
      },
    },
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    timeoutError: () =>
      new AppError('UNAUTHORIZED', 'The browser sign-in was not completed in time.', {
        hint: 'Start the sign-in again.',
      }),
    wrongStateError: () =>
      new AppError('UNAUTHORIZED', 'The browser sign-in answered with the wrong state, so it was refused.', {
        hint: 'Start the sign-in again.',
      }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  try {
    const authorize = new URL(`${opts.baseUrl}/api/v1/auth/oauth/${opts.provider}/authorize`);
    authorize.searchParams.set('redirect_uri', callback.bareUrlFor('/callback'));
    authorize.searchParams.set('state', callback.state);
    // Racing the answer: a sign-in cancelled while the browser is still opening ends now.
    await Promise.race([opts.openExternal(authorize.toString()), callback.result]); // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: the shell's opener is openWebUrlsOnly (http(s) only) and the base URL is normalized to http(s)
    return await callback.result;
  } finally {
    callback.close();
  }
}
