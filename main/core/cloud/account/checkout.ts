import { safeExternalUrl } from '../../../../shared/ipc/external-url';
import { AppError, cancelled } from '../../util/errors';
import { openLoopbackCallback } from '../loopback-callback';
import type { OpenExternal } from '../oauth';
import type { AccountApi } from './account-api';

export type CheckoutOutcome = 'success' | 'cancelled';

export interface CheckoutFlowOptions {
  api: AccountApi;
  plan: string;
  openExternal: OpenExternal;
  timeoutMs?: number;
  /** The call's cancel and the app's close, combined. */
  signal?: AbortSignal;
}

/**
 * Plan upgrade: the cloud's checkout page opens in the system browser, and its success and
 * cancel redirects come back to a loopback listener of this process. The checkout URL comes
 * from the server, so it passes the same rule as every link MockDeck opens (parsed http(s),
 * no credentials) before it reaches the opener.
 */
export async function runCheckoutFlow(
  opts: CheckoutFlowOptions,
): Promise<{ outcome: CheckoutOutcome; checkoutUrl: string }> {
  const callback = await openLoopbackCallback<CheckoutOutcome>({
    routes: {
      '/checkout/success': () => ({
        value: 'success',
        page: 'Payment received. You can close this tab and return to MockDeck.',
      }),
      '/checkout/cancel': () => ({
        value: 'cancelled',
        page: 'Checkout cancelled. Nothing was charged; you can close this tab.',
      }),
    },
    timeoutMs: opts.timeoutMs ?? 30 * 60_000,
    timeoutError: () =>
      new AppError('CLOUD_ERROR', 'The checkout was not completed in time.', { hint: 'Start the upgrade again.' }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  try {
    const session = await opts.api.checkout({
      plan: opts.plan,
      success_url: callback.urlFor('/checkout/success'),
      cancel_url: callback.urlFor('/checkout/cancel'),
    });
    const url = safeExternalUrl(session.checkout_url);
    if (!url) {
      throw new AppError(
        'CLOUD_ERROR',
        'The cloud sent a checkout link MockDeck will not open (not an http(s) web address).',
        {
          hint: 'Check the cloud URL in Account → Connection; MockDeck opens only http(s) links without credentials.',
        },
      );
    }
    await Promise.race([opts.openExternal(url), callback.result]); // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: url is safeExternalUrl()'s parsed http(s) URL without credentials, and the shell's opener is openWebUrlsOnly
    return { outcome: await callback.result, checkoutUrl: url };
  } catch (e) {
    if (opts.signal?.aborted && !(e instanceof AppError && e.code === 'CANCELLED')) {
      const reason: unknown = opts.signal.reason;
      throw reason instanceof AppError ? reason : cancelled('the upgrade');
    }
    throw e;
  } finally {
    callback.close();
  }
}
