import { DeadLetter, type RetryPolicy } from './types';

export interface Delivery {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Answers worth another try: the receiver is down or busy, not refusing this request. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason as Error)), { once: true });
  });

/**
 * Sends `d`, retrying connection failures and 408/429/5xx with exponential backoff; a 4xx
 * other than those is final (the request itself is wrong). After the last try it throws
 * DeadLetter, whose output keeps what was sent so it can be replayed by hand.
 */
export async function deliver(d: Delivery, retry: RetryPolicy, signal: AbortSignal): Promise<Record<string, unknown>> {
  const tries: { status: number | null; error: string | null }[] = [];
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      const res = await fetch(d.url, {
        method: d.method,
        headers: d.headers,
        body: d.method === 'GET' ? undefined : d.body,
        signal,
        redirect: 'manual',
      });
      const text = (await res.text()).slice(0, 2000);
      if (res.ok) return { status_code: res.status, attempts: attempt, response: text };
      tries.push({ status: res.status, error: `HTTP ${res.status}` });
      if (!retryable(res.status)) break;
    } catch (e) {
      if (signal.aborted) throw e;
      tries.push({ status: null, error: (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message });
    }
    if (attempt < retry.attempts) await sleep(retry.baseDelayMs * 2 ** (attempt - 1), signal);
  }
  const last = tries[tries.length - 1];
  throw new DeadLetter(
    `delivery to ${new URL(d.url).host} failed after ${tries.length} tries: ${last?.error ?? 'unknown'}`,
    {
      dead_letter: true,
      attempts: tries.length,
      tries,
      request: { url: d.url, method: d.method, body: d.body },
    },
  );
}
