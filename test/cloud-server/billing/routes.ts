import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { currentOrg, requireAuth } from '../http/principal';
import { PLAN_LIMITS } from './plans';
import { usageHistory, usageOf } from './usage';

const historyQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(6) });

export function registerBillingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/v1/billing/subscription', async (req) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const { period_start: _start, period_end, ...usage } = usageOf(ctx, org);
    return {
      org_id: org.id,
      plan: org.plan,
      status: 'active',
      current_period_end: period_end,
      usage,
      limits: PLAN_LIMITS[org.plan],
    };
  });

  app.get('/api/v1/usage/history', async (req) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const { months } = historyQuery.parse(req.query);
    return usageHistory(ctx, org, months);
  });

  app.get('/api/v1/usage', async (req) => {
    const p = requireAuth(req);
    return usageOf(ctx, currentOrg(ctx, req, p));
  });
}
