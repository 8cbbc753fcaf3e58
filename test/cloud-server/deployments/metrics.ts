import type { ServerContext } from '../context';
import type { DeploymentRow } from './store';

/** Metrics over the requests the deployment actually served in [start, end]. */
export function deploymentMetrics(ctx: ServerContext, d: DeploymentRow, start: string, end: string) {
  const rows = ctx.db
    .stmt(
      'SELECT status, COUNT(*) AS n, SUM(duration_ms) AS ms FROM hosted_requests WHERE deployment_id = ? AND created_at >= ? AND created_at <= ? GROUP BY status',
    )
    .all(d.id, start, end) as Array<{ status: number; n: number; ms: number }>;
  const total = rows.reduce((s, r) => s + r.n, 0);
  const errors = rows.filter((r) => r.status >= 400).reduce((s, r) => s + r.n, 0);
  const ms = rows.reduce((s, r) => s + r.ms, 0);
  const minutes = Math.max(1, (Date.parse(end) - Date.parse(start)) / 60_000);
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    requests_total: total,
    requests_per_minute: round(total / minutes, 2),
    average_response_time_ms: total ? round(ms / total, 2) : 0,
    error_rate: total ? round(errors / total, 4) : 0,
    status_codes: Object.fromEntries(rows.map((r) => [String(r.status), r.n])),
    period_start: start,
    period_end: end,
  };
}
