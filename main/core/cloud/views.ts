import type {
  AccountView,
  DeploymentLogView,
  DeploymentMetricsView,
  DeploymentView,
  OrganizationView,
  TokenView,
} from '../../../shared/ipc/cloud';
import type {
  Deployment,
  DeploymentLog,
  DeploymentMetrics,
  Organization,
  Subscription,
  TokenInfo,
  Usage,
} from './schemas';
import type { CloudUser } from './settings';

/** Maps cloud bodies (snake_case) to what IPC returns (camelCase, masked). */
export const orgView = (o: Organization, selectedId: string | null): OrganizationView => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  plan: o.plan,
  selected: o.id === selectedId,
});

export const tokenView = (t: TokenInfo): TokenView => ({
  id: t.id,
  name: t.name,
  masked: `${t.token_prefix.slice(0, 12)}…•••`,
  scopes: t.scopes,
  lastUsedAt: t.last_used_at,
  expiresAt: t.expires_at,
  createdAt: t.created_at,
  ageDays: t.age_days ?? null,
  needsRotation: t.needs_rotation ?? false,
});

export const deploymentView = (d: Deployment, localProjectId: string | null): DeploymentView => ({
  id: d.id,
  name: d.name,
  slug: d.slug,
  status: d.status,
  health: d.health_status,
  url: d.url,
  projectId: localProjectId,
  createdAt: d.created_at,
  updatedAt: d.updated_at ?? null,
});

export const logView = (l: DeploymentLog, i: number): DeploymentLogView => ({
  id: l.id ?? `${l.created_at}#${i}`,
  level: l.level,
  message: l.message,
  createdAt: l.created_at,
});

export const metricsView = (m: DeploymentMetrics): DeploymentMetricsView => ({
  requestsTotal: m.requests_total,
  requestsPerMinute: m.requests_per_minute,
  averageResponseTimeMs: m.average_response_time_ms,
  errorRate: m.error_rate,
  statusCodes: m.status_codes,
  periodStart: m.period_start ?? null,
  periodEnd: m.period_end ?? null,
});

export const accountView = (
  user: CloudUser | null,
  org: OrganizationView | null,
  s: Subscription,
  u: Usage,
): AccountView => ({
  user,
  org,
  plan: s.plan,
  status: s.status,
  currentPeriodEnd: s.current_period_end,
  usage: {
    requests: u.requests,
    requestsLimit: u.requests_limit,
    storageBytes: u.storage_bytes,
    storageLimitBytes: u.storage_limit_bytes,
    aiTokensUsed: u.ai_tokens_used,
    aiTokensLimit: u.ai_tokens_limit,
    periodStart: u.period_start ?? null,
    periodEnd: u.period_end ?? null,
  },
  limits: {
    maxProjects: s.limits.max_projects,
    maxCollaborators: s.limits.max_collaborators,
    requestsPer30d: s.limits.requests_per_30d,
    storageGb: s.limits.storage_gb,
    aiTokensPerMonth: s.limits.ai_tokens_per_month,
    hostedMocks: s.limits.hosted_mocks,
  },
});
