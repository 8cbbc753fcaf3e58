import type { FastifyInstance } from 'fastify';
import type { LoginLockout } from '../auth/lockout';
import type { ServerContext } from '../context';
import { parseBody } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';
import { faultsPatchSchema } from './faults';

/**
 * Lets a test in another process (Playwright) flip faults. Outside /api/v1, so faults and
 * rate limits never apply to it. Loopback-only by construction (the server binds 127.0.0.1).
 */
export function registerControlRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  state: { limiter: RateLimiter; lockout: LoginLockout },
): void {
  app.get('/__control/faults', async () => ctx.faults.current());

  app.post('/__control/faults', async (req) => {
    const patch = parseBody(faultsPatchSchema, req.body);
    const next: Parameters<typeof ctx.faults.set>[0] = {};
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(next, { [k]: v });
    ctx.faults.set(next);
    return ctx.faults.current();
  });

  app.post('/__control/reset', async () => {
    ctx.faults.reset();
    return ctx.faults.current();
  });

  // Clears rate-limit windows and login lockouts, so one server can serve many e2e cases.
  app.post('/__control/reset-limits', async () => {
    state.limiter.reset();
    state.lockout.reset();
    return { success: true };
  });
}
