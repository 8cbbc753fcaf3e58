import type { ServiceStatusView } from '../../../../shared/ipc/cloud-account';
import { AppError } from '../../util/errors';
import type { AccountApi } from './account-api';
import type { DetailedHealth, SystemStatus } from './schemas';

const OK = new Set(['ok', 'operational', 'healthy', 'up', 'pass']);
const isOk = (s: string): boolean => OK.has(s.toLowerCase());

/**
 * Asks the cloud's public health and status endpoints (no sign-in needed) at once and sorts
 * the answers into a verdict: not reaching either means the network (or the URL) is the
 * problem; reaching it with a failing check means the cloud is.
 */
export async function checkServiceStatus(api: AccountApi, baseUrl: string, now: Date): Promise<ServiceStatusView> {
  const [health, status] = await Promise.allSettled([api.detailedHealth(), api.systemStatus()]);
  const h = health.status === 'fulfilled' ? health.value : null;
  const s = status.status === 'fulfilled' ? status.value : null;
  const healthError = health.status === 'rejected' ? describe(health.reason) : null;
  const statusError = status.status === 'rejected' ? describe(status.reason) : null;
  const unreachable = [health, status].every((r) => r.status === 'rejected' && isNetworkFailure(r.reason));
  const verdict = decide(h, s, unreachable);
  return {
    baseUrl,
    checkedAt: now.toISOString(),
    verdict,
    summary: summaryFor(verdict, baseUrl, s),
    health: h && {
      status: h.status,
      version: h.version,
      timestamp: h.timestamp,
      checks: Object.entries(h.checks).map(([name, st]) => ({ name, status: st })),
    },
    healthError,
    status: s && { overall: s.overall, timestamp: s.timestamp, services: s.services },
    statusError,
  };
}

function decide(h: DetailedHealth | null, s: SystemStatus | null, unreachable: boolean): ServiceStatusView['verdict'] {
  if (unreachable) return 'unreachable';
  if (!h && !s) return 'down';
  const healthOk = !h || (isOk(h.status) && Object.values(h.checks).every(isOk));
  const statusOk = !s || (isOk(s.overall) && s.services.every((x) => isOk(x.status)));
  if (healthOk && statusOk && h && s) return 'operational';
  // A partial outage is a degraded cloud; only a major one (or "down") means nothing works.
  if (s && /major|down/i.test(s.overall)) return 'down';
  if (h && /error|down|fail/i.test(h.status) && !s) return 'down';
  return 'degraded';
}

function summaryFor(v: ServiceStatusView['verdict'], baseUrl: string, s: SystemStatus | null): string {
  const host = new URL(baseUrl).host;
  const sick = s?.services.filter((x) => !isOk(x.status)).map((x) => x.name) ?? [];
  switch (v) {
    case 'operational':
      return `The cloud at ${host} reports every service operational: if a cloud action failed, retry it or check the error it gave.`;
    case 'degraded':
      return `The cloud at ${host} is reachable but reports a problem${sick.length ? ` with ${sick.join(', ')}` : ''}: some cloud actions may fail until it is fixed. Your network is fine; local work is unaffected.`;
    case 'down':
      return `The cloud at ${host} answers but is failing: wait and retry later. Your network is fine; local work is unaffected.`;
    case 'unreachable':
      return `MockDeck cannot reach ${host} at all: check your network connection, VPN or proxy, and the cloud URL in Account → Connection.`;
  }
}

function isNetworkFailure(e: unknown): boolean {
  if (!(e instanceof AppError)) return false;
  return e.code === 'OFFLINE' || /did not answer in time|connection to the cloud broke/i.test(e.message);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
