import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { STATUS_SERVICES, type ServiceState } from './state';

/** /health/detailed's check names for the services of /api/v1/status. */
const CHECKS: Record<string, string> = { database: 'Database', redis: 'Redis', storage: 'Object Storage' };

const healthWord = (s: ServiceState): string => (s === 'operational' ? 'ok' : s === 'degraded' ? 'degraded' : 'error');

/** Worst state wins; the spec's example shows only "operational". */
function overallOf(states: ServiceState[]): ServiceState {
  if (states.includes('major_outage')) return 'major_outage';
  if (states.includes('partial_outage')) return 'partial_outage';
  if (states.includes('degraded')) return 'degraded';
  return 'operational';
}

export function detailedHealth(ctx: ServerContext, version: string) {
  const checks = Object.fromEntries(
    Object.entries(CHECKS).map(([check, service]) => [check, healthWord(ctx.account.service(service).status)]),
  );
  const all = Object.values(checks);
  return {
    status: all.every((c) => c === 'ok') ? 'ok' : all.includes('error') ? 'error' : 'degraded',
    version,
    timestamp: nowIso(ctx),
    checks,
  };
}

export function systemStatus(ctx: ServerContext) {
  const services = STATUS_SERVICES.map((name) => ({ name, ...ctx.account.service(name) }));
  return { overall: overallOf(services.map((s) => s.status)), services, timestamp: nowIso(ctx) };
}
