import type { ServerContext } from '../context';
import { CloudError } from '../http/errors';

/** Spec, Login → Rate Limiting: 5 failures per email, 10 per IP, within 15 minutes. */
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 10;

/**
 * Sliding-window failure counts. A key is locked once it holds the maximum number of
 * failures inside the window; it unlocks when the oldest of those leaves the window.
 */
export class LoginLockout {
  private readonly byEmail = new Map<string, number[]>();
  private readonly byIp = new Map<string, number[]>();

  constructor(private readonly ctx: ServerContext) {}

  private recent(map: Map<string, number[]>, key: string): number[] {
    const cutoff = this.ctx.clock.now().getTime() - LOCKOUT_WINDOW_MS;
    const kept = (map.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) map.set(key, kept);
    else map.delete(key);
    return kept;
  }

  /** Throws 429 RATE_LIMIT_EXCEEDED when the email or the IP is locked. */
  assertNotLocked(email: string, ip: string): void {
    const e = this.recent(this.byEmail, email.toLowerCase());
    if (e.length >= MAX_FAILURES_PER_EMAIL) throw this.locked('email', e, MAX_FAILURES_PER_EMAIL);
    const i = this.recent(this.byIp, ip);
    if (i.length >= MAX_FAILURES_PER_IP) throw this.locked('ip', i, MAX_FAILURES_PER_IP);
  }

  /** Records a failure; returns how many attempts the email has left before it locks. */
  recordFailure(email: string, ip: string): number {
    const now = this.ctx.clock.now().getTime();
    const e = [...this.recent(this.byEmail, email.toLowerCase()), now];
    this.byEmail.set(email.toLowerCase(), e);
    this.byIp.set(ip, [...this.recent(this.byIp, ip), now]);
    return Math.max(0, MAX_FAILURES_PER_EMAIL - e.length);
  }

  /** A successful login clears the account's failures (not the IP's). */
  recordSuccess(email: string): void {
    this.byEmail.delete(email.toLowerCase());
  }

  reset(): void {
    this.byEmail.clear();
    this.byIp.clear();
  }

  private locked(reason: 'email' | 'ip', failures: number[], max: number): CloudError {
    const oldestInWindow = failures[failures.length - max] ?? failures[0] ?? 0;
    const unlockMs = oldestInWindow + LOCKOUT_WINDOW_MS;
    const retryAfter = Math.max(1, Math.ceil((unlockMs - this.ctx.clock.now().getTime()) / 1000));
    const unlocksAt = new Date(unlockMs).toISOString();
    const who = reason === 'email' ? 'Account' : 'Too many failed logins from this IP address; login';
    return new CloudError(
      429,
      'RATE_LIMIT_EXCEEDED',
      `${who} locked after ${max} failed login attempts in 15 minutes; try again after ${unlocksAt}`,
      {
        locked: true,
        reason,
        max_attempts: max,
        window_minutes: 15,
        unlocks_at: unlocksAt,
        retry_after_seconds: retryAfter,
      },
      { 'Retry-After': String(retryAfter) },
    );
  }
}
