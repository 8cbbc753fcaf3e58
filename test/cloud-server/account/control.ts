import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findUserByEmail } from '../auth/users';
import type { ServerContext } from '../context';
import { CloudError, parseBody } from '../http/errors';
import { personalOrg } from '../orgs/store';
import { seedMonthSchema, seedUsage } from './seed';
import { SERVICE_STATES, STATUS_SERVICES } from './state';

const serviceSchema = z.object({
  services: z.array(
    z.object({
      name: z.enum(STATUS_SERVICES),
      status: z.enum(SERVICE_STATES),
      message: z.string().max(500).nullable().default(null),
    }),
  ),
});
const seedSchema = z.object({ email: z.string(), months: z.array(seedMonthSchema).max(36) });

/**
 * Levers for tests in another process (Playwright), beside /__control/faults: degrade a
 * service of the status page, and seed past usage of a user's personal org.
 */
export function registerAccountControlRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/__control/service-status', async (req) => {
    const { services } = parseBody(serviceSchema, req.body);
    for (const s of services) ctx.account.setService(s.name, s.status, s.message);
    return { success: true };
  });
  app.post('/__control/service-status/reset', async () => {
    ctx.account.resetServices();
    return { success: true };
  });
  app.post('/__control/seed-usage', async (req) => {
    const body = parseBody(seedSchema, req.body);
    const user = findUserByEmail(ctx, body.email);
    const org = user && personalOrg(ctx, user.id);
    if (!org) throw new CloudError(404, 'NOT_FOUND', `no user with email ${body.email}`, {});
    seedUsage(ctx, org.id, body.months);
    return { success: true, org_id: org.id };
  });
}
