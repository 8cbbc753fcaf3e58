import type { ServerOptions } from 'node:http';

/**
 * How long a client may take to send a request, and how long shutdown waits for requests in
 * flight. Without them one client that stops mid-headers or mid-body holds a connection (and
 * its buffered bytes) for ever, and a shutdown waits for it. Times in ms; 0 turns a timeout off.
 */
export interface HttpLimits {
  /** Until the request's headers have arrived (Node's headersTimeout). */
  headersTimeoutMs: number;
  /**
   * Until the whole request, body included, has arrived (Node's requestTimeout). It does not
   * cover the answer: a mock delayed by responseDelay is answered however long that is.
   */
  requestTimeoutMs: number;
  /** On stop: how long requests in flight may still finish before every connection is cut. */
  shutdownGraceMs: number;
}

export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  shutdownGraceMs: 2_000,
});

/** Longest accepted value of any limit (a day): beyond it Node's timers overflow anyway. */
export const MAX_LIMIT_MS = 86_400_000;

/**
 * The limits the given options ask for, the defaults filling the gaps. Node refuses a headers
 * timeout longer than the request timeout; the request's whole time bounds its headers, so
 * the shorter one wins.
 */
export function httpLimits(opts: Partial<HttpLimits> = {}): HttpLimits {
  const pick = (k: keyof HttpLimits): number => {
    const v = opts[k] ?? DEFAULT_HTTP_LIMITS[k];
    if (!Number.isInteger(v) || v < 0 || v > MAX_LIMIT_MS) {
      throw new RangeError(`${k} must be a whole number of ms from 0 to ${MAX_LIMIT_MS}, got ${v}`);
    }
    return v;
  };
  const requestTimeoutMs = pick('requestTimeoutMs');
  let headersTimeoutMs = pick('headersTimeoutMs');
  if (requestTimeoutMs > 0 && (headersTimeoutMs === 0 || headersTimeoutMs > requestTimeoutMs)) {
    headersTimeoutMs = requestTimeoutMs;
  }
  return { headersTimeoutMs, requestTimeoutMs, shutdownGraceMs: pick('shutdownGraceMs') };
}

/**
 * node:http options enforcing `limits`. Node checks both timeouts on a timer
 * (connectionsCheckingInterval, 30 s by default, which would let a 1 s timeout run to 31 s):
 * it runs here a few times per shortest timeout, at most once every 100 ms and at least once
 * a second. Each run walks only the connections still receiving a request.
 */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  const timeouts = [limits.headersTimeoutMs, limits.requestTimeoutMs].filter((t) => t > 0);
  const shortest = timeouts.length > 0 ? Math.min(...timeouts) : 30_000;
  return {
    // 0 in Node means "no limit" for requestTimeout; for headersTimeout it does not, hence the day.
    headersTimeout: limits.headersTimeoutMs > 0 ? limits.headersTimeoutMs : MAX_LIMIT_MS,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(shortest / 4))),
  };
}

/** Beyond the grace period, what closing the rest (log writer, databases) may take before an exit is forced. */
export const CLOSE_MARGIN_MS = 3000;

/** How long a whole shutdown may take before the process exits anyway (5 s by default). */
export function shutdownBoundMs(limits: HttpLimits): number {
  return limits.shutdownGraceMs + CLOSE_MARGIN_MS;
}
