import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The AbortSignal of the call being served, for code many layers below the handler: a sync
 * makes dozens of HTTP requests through some thirty API methods, and threading a signal
 * argument through each would change every one of them for one concern. The handler (or
 * whoever starts long work) runs it inside `withSignal`; the HTTP client reads
 * `currentSignal()` to refuse new requests and abort the one in flight.
 */
const current = new AsyncLocalStorage<AbortSignal>();

export function withSignal<T>(signal: AbortSignal | undefined, fn: () => T): T {
  return signal ? current.run(signal, fn) : fn();
}

export function currentSignal(): AbortSignal | undefined {
  return current.getStore();
}

/** Waits `ms`, or less when `signal` aborts (the caller then checks the signal). */
export function sleepUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    sleep(ms).then(done, (e: unknown) => {
      signal.removeEventListener('abort', done);
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}
