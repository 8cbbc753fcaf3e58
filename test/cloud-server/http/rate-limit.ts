import type { FastifyReply, FastifyRequest } from 'fastify';
import { PLAN_RATE_PER_MINUTE } from '../billing/plans';
import type { ServerContext } from '../context';
import { getOrg, personalOrg } from '../orgs/store';
import { CloudError } from './errors';

const WINDOW_MS = 60_000;

interface Window {
  startMs: number;
  count: number;
}

export interface RateState {
  limit: number;
  remaining: number;
  resetUnix: number;
}

/**
 * Fixed one-minute windows per principal (the user behind a JWT or API token, else the
 * client IP). Only /api/v1 requests spend budget; every response reports the state.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly ctx: ServerContext) {}

  key(req: FastifyRequest): string {
    return req.principal ? `user:${req.principal.userId}` : `ip:${req.ip}`;
  }

  limitFor(req: FastifyRequest): number {
    if (this.ctx.rateLimitPerMinute !== null) return this.ctx.rateLimitPerMinute;
    const p = req.principal;
    const org = p ? (p.tokenOrgId ? getOrg(this.ctx, p.tokenOrgId) : personalOrg(this.ctx, p.userId)) : undefined;
    return PLAN_RATE_PER_MINUTE[org?.plan ?? this.ctx.plan];
  }

  private window(key: string): Window {
    const now = this.ctx.clock.now().getTime();
    let w = this.windows.get(key);
    if (!w || now >= w.startMs + WINDOW_MS) {
      w = { startMs: now, count: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  /** Spends one request; returns the state, or throws 429 when the budget is gone. */
  consume(req: FastifyRequest): RateState {
    const limit = this.limitFor(req);
    const w = this.window(this.key(req));
    const resetUnix = Math.ceil((w.startMs + WINDOW_MS) / 1000);
    if (w.count >= limit) {
      const retryAfter = Math.max(1, Math.ceil((w.startMs + WINDOW_MS - this.ctx.clock.now().getTime()) / 1000));
      throw new CloudError(
        429,
        'RATE_LIMIT_EXCEEDED',
        `Rate limit exceeded: ${limit} requests per minute`,
        {
          limit,
          window_seconds: 60,
          retry_after_seconds: retryAfter,
          reset_at: new Date(resetUnix * 1000).toISOString(),
        },
        { 'Retry-After': String(retryAfter) },
      );
    }
    w.count++;
    return { limit, remaining: limit - w.count, resetUnix };
  }

  peek(req: FastifyRequest): RateState {
    const limit = this.limitFor(req);
    const w = this.window(this.key(req));
    return { limit, remaining: Math.max(0, limit - w.count), resetUnix: Math.ceil((w.startMs + WINDOW_MS) / 1000) };
  }

  reset(): void {
    this.windows.clear();
  }
}

export function setRateHeaders(reply: FastifyReply, s: RateState): void {
  reply.header('X-RateLimit-Limit', String(s.limit));
  reply.header('X-RateLimit-Remaining', String(s.remaining));
  reply.header('X-RateLimit-Reset', String(s.resetUnix));
}
