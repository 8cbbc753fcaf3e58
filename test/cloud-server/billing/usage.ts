import type { ServerContext } from '../context';
import type { OrgRow } from '../orgs/store';
import { PLAN_LIMITS } from './plans';

const GB = 1024 ** 3;

/** The billing period is the calendar month (UTC) containing "now". */
export function currentPeriod(ctx: ServerContext): { start: string; end: string } {
  const now = ctx.clock.now();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return { start: new Date(start).toISOString(), end: new Date(next - 1000).toISOString() };
}

/** Requests served by the org's hosted deployments this period. */
export function hostedRequestCount(ctx: ServerContext, orgId: string, since: string): number {
  const row = ctx.db
    .stmt('SELECT COUNT(*) AS n FROM hosted_requests WHERE org_id = ? AND created_at >= ?')
    .get(orgId, since) as { n: number };
  return row.n;
}

/** Bytes of project data the org stores (names, paths, bodies, headers, conditions). */
export function storageBytes(ctx: ServerContext, orgId: string): number {
  const row = ctx.db
    .stmt(
      `SELECT
         COALESCE((SELECT SUM(LENGTH(CAST(name || description AS BLOB))) FROM projects WHERE org_id = @org), 0) +
         COALESCE((SELECT SUM(LENGTH(CAST(m.name || m.path || m.description AS BLOB))) FROM mocks m JOIN projects p ON p.id = m.project_id WHERE p.org_id = @org), 0) +
         COALESCE((SELECT SUM(LENGTH(CAST(r.body AS BLOB)) + LENGTH(r.headers) + LENGTH(r.conditions) + LENGTH(r.name))
                   FROM responses r JOIN mocks m ON m.id = r.mock_id JOIN projects p ON p.id = m.project_id WHERE p.org_id = @org), 0) AS n`,
    )
    .get({ org: orgId }) as { n: number };
  return row.n;
}

export function usageOf(ctx: ServerContext, org: OrgRow) {
  const limits = PLAN_LIMITS[org.plan];
  const period = currentPeriod(ctx);
  // A seeded current month (account/seed.ts) counts here too, so today and the history agree.
  const seed = ctx.account.seededUsage.get(org.id)?.get(period.start);
  return {
    requests: hostedRequestCount(ctx, org.id, period.start) + (seed?.requests ?? 0),
    requests_limit: limits.requests_per_30d,
    storage_bytes: seed?.storage_bytes ?? storageBytes(ctx, org.id),
    storage_limit_bytes: limits.storage_gb * GB,
    // No AI endpoints on this server, so nothing is spent unless seeded.
    ai_tokens_used: seed?.ai_tokens_used ?? 0,
    ai_tokens_limit: limits.ai_tokens_per_month,
    period_start: period.start,
    period_end: period.end,
  };
}

/** One entry per calendar month, newest first, the current month included. */
export function usageHistory(ctx: ServerContext, org: OrgRow, months: number) {
  const now = ctx.clock.now();
  const count = ctx.db.stmt(
    'SELECT COUNT(*) AS n FROM hosted_requests WHERE org_id = ? AND created_at >= ? AND created_at < ?',
  );
  const storage = storageBytes(ctx, org.id);
  return Array.from({ length: months }, (_, i) => {
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1);
    const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i + 1, 1);
    const startIso = new Date(start).toISOString();
    const { n } = count.get(org.id, startIso, new Date(next).toISOString()) as { n: number };
    // Seeded months (account/seed.ts) stand in for history this server never served.
    const seed = ctx.account.seededUsage.get(org.id)?.get(startIso);
    return {
      period_start: startIso,
      period_end: new Date(next - 1000).toISOString(),
      requests: n + (seed?.requests ?? 0),
      // Storage is not snapshotted per month here: past months report today's size unless seeded.
      storage_bytes: seed?.storage_bytes ?? storage,
      ai_tokens_used: seed?.ai_tokens_used ?? 0,
    };
  });
}
