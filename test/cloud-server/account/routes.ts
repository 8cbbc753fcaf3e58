import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getUser } from '../auth/users';
import type { PlanName } from '../billing/plans';
import type { ServerContext } from '../context';
import { nowIso, nowMs } from '../context';
import { deploymentUrl } from '../deployments/store';
import { parseBody } from '../http/errors';
import { currentOrg, requireAuth } from '../http/principal';
import { orgsOfUser, setPlan, toWireOrg } from '../orgs/store';
import { ageDays, scopesOf, type TokenRow } from '../tokens/store';
import type { DeploymentRow } from '../deployments/store';

const webUrl = (field: string) =>
  z
    .string({ message: `${field} is required` })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), `${field} must be an http(s) URL`);

const checkoutSchema = z.object({
  plan: z.enum(['pro', 'team'], { message: 'plan must be "pro" or "team" (free needs no checkout)' }),
  success_url: webUrl('success_url'),
  cancel_url: webUrl('cancel_url'),
});
const deleteSchema = z.object({
  confirm: z.literal(true, { message: 'confirm must be true: deletion cannot be undone' }),
});

const DAY_MS = 24 * 3600 * 1000;

/** §Billing checkout (with a stand-in for the payment page) and §GDPR export and delete. */
export function registerAccountRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/billing/checkout', async (req) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const body = parseBody(checkoutSchema, req.body);
    const id = `cs_test_${randomBytes(12).toString('base64url')}`;
    ctx.account.checkouts.set(id, {
      id,
      orgId: org.id,
      plan: body.plan as PlanName,
      successUrl: body.success_url,
      cancelUrl: body.cancel_url,
      used: false,
    });
    return { checkout_url: `${ctx.baseUrl}/__fake-checkout/${id}`, session_id: id };
  });

  /**
   * The payment page (Stripe's, in production). Visiting it pays at once (the plan changes, as
   * the webhook would do) and redirects to success_url; `?action=cancel` redirects to
   * cancel_url instead. A session works once.
   */
  app.get<{ Params: { id: string }; Querystring: { action?: string } }>('/__fake-checkout/:id', async (req, reply) => {
    const s = ctx.account.checkouts.get(req.params.id);
    if (!s || s.used) return reply.code(404).type('text/plain').send('unknown or used checkout session');
    s.used = true;
    if (req.query.action === 'cancel') return reply.redirect(s.cancelUrl, 302);
    setPlan(ctx, s.orgId, s.plan);
    return reply.redirect(s.successUrl, 302);
  });

  app.get('/api/v1/gdpr/export', async (req) => {
    const p = requireAuth(req);
    const user = getUser(ctx, p.userId)!;
    const orgs = orgsOfUser(ctx, p.userId);
    const ids = orgs.map((o) => o.id);
    const inOrgs = `org_id IN (${ids.map(() => '?').join(',') || "''"})`;
    const deployments = ctx.db
      .stmt(`SELECT * FROM deployments WHERE ${inOrgs} ORDER BY created_at`)
      .all(...ids) as DeploymentRow[];
    const tokens = ctx.db
      .stmt('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at')
      .all(p.userId) as TokenRow[];
    return {
      user_data: {
        id: user.id,
        username: user.username,
        email: user.email,
        created_at: user.created_at,
        deletion_scheduled_at: ctx.account.deletions.get(user.id) ?? null,
      },
      organizations: orgs.map(toWireOrg),
      deployments: deployments.map((d) => ({
        id: d.id,
        org_id: d.org_id,
        name: d.name,
        slug: d.slug,
        status: d.status,
        url: deploymentUrl(ctx, d),
        created_at: d.created_at,
      })),
      // Token metadata only: the server never kept the tokens themselves (only hashes).
      api_tokens: tokens.map((t) => ({
        id: t.id,
        org_id: t.org_id,
        name: t.name,
        token_prefix: t.token_prefix,
        scopes: scopesOf(t),
        created_at: t.created_at,
        last_used_at: t.last_used_at,
        expires_at: t.expires_at,
        age_days: ageDays(ctx, t),
      })),
      support_tickets: ctx.account.tickets.filter((t) => t.user_id === p.userId),
      exported_at: nowIso(ctx),
    };
  });

  app.post('/api/v1/gdpr/delete', async (req) => {
    const p = requireAuth(req);
    parseBody(deleteSchema, req.body);
    // Deletion is scheduled a day ahead (the spec's example); asking again keeps the first date.
    const at = ctx.account.deletions.get(p.userId) ?? new Date(nowMs(ctx) + DAY_MS).toISOString();
    ctx.account.deletions.set(p.userId, at);
    return { message: 'Data deletion initiated. This action cannot be undone.', deletion_scheduled_at: at };
  });
}
