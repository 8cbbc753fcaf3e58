import { z } from 'zod';

export interface CloudFaults {
  /** The next N matching requests answer 500 INTERNAL_ERROR (handler not run). */
  fail500: number;
  /** The next N matching requests answer 429 with Retry-After: retryAfterSeconds. */
  rateLimit: number;
  retryAfterSeconds: number;
  /** Every matching request waits this long before answering. */
  slowMs: number;
  /** The next N matching requests run the handler (writes happen), then the socket is destroyed mid-response. */
  dropAfterHandler: number;
  /** Only requests whose path matches this regex count; null = all /api/v1 requests. */
  pathPattern: string | null;
}

export const DEFAULT_FAULTS: Readonly<CloudFaults> = {
  fail500: 0,
  rateLimit: 0,
  retryAfterSeconds: 1,
  slowMs: 0,
  dropAfterHandler: 0,
  pathPattern: null,
};

const count = z.number().int().min(0);
/** What POST /__control/faults accepts: any subset of CloudFaults. */
export const faultsPatchSchema = z
  .object({
    fail500: count,
    rateLimit: count,
    retryAfterSeconds: count,
    slowMs: count,
    dropAfterHandler: count,
    pathPattern: z
      .string()
      .nullable()
      .refine((p) => p === null || isValidRegex(p), 'pathPattern must be a valid regular expression'),
  })
  .partial()
  .strict();

function isValidRegex(p: string): boolean {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}

/** What a matching request should suffer, decided once when it arrives. */
export interface FaultDecision {
  slowMs: number;
  fail500: boolean;
  rateLimitRetryAfter: number | null;
  drop: boolean;
}

/** Mutable fault switches shared by the hooks and the control endpoint. */
export class FaultState {
  private f: CloudFaults = { ...DEFAULT_FAULTS };
  private pattern: RegExp | null = null;

  set(patch: Partial<CloudFaults>): void {
    this.f = { ...this.f, ...patch };
    this.pattern = this.f.pathPattern === null ? null : new RegExp(this.f.pathPattern);
  }

  reset(): void {
    this.f = { ...DEFAULT_FAULTS };
    this.pattern = null;
  }

  current(): CloudFaults {
    return { ...this.f };
  }

  /** Consumes one unit of each counted fault that applies (500 wins over 429 wins over drop). */
  decide(path: string): FaultDecision | null {
    if (this.pattern && !this.pattern.test(path)) return null;
    const d: FaultDecision = { slowMs: this.f.slowMs, fail500: false, rateLimitRetryAfter: null, drop: false };
    if (this.f.fail500 > 0) {
      this.f.fail500--;
      d.fail500 = true;
    } else if (this.f.rateLimit > 0) {
      this.f.rateLimit--;
      d.rateLimitRetryAfter = this.f.retryAfterSeconds;
    } else if (this.f.dropAfterHandler > 0) {
      this.f.dropAfterHandler--;
      d.drop = true;
    }
    return d.slowMs > 0 || d.fail500 || d.rateLimitRetryAfter !== null || d.drop ? d : null;
  }
}
