import { z } from 'zod';
import { call, reads, writes } from './call-meta';
import type { RouteWarning } from '../models';

/**
 * The cloud block of the IPC contract (spread into `calls` and `events` in contract.ts).
 * Nothing here carries a credential except `tokens.create`/`tokens.rotate` results, which
 * show a new API token exactly once; everything else shows masked forms only.
 */
const id = z.string().min(1, 'id is required');
const none = z.object({}).strict().optional();

export interface CloudUserView {
  userId: string;
  username: string;
  email: string | null;
}
export interface CloudAuthState {
  signedIn: boolean;
  via: 'session' | 'env-token' | null;
  user: CloudUserView | null;
  baseUrl: string;
  orgId: string | null;
}
export interface SecretsModeView {
  kind: 'keychain' | 'memory';
  reason: string;
}
export interface CloudStatus extends CloudAuthState {
  secrets: SecretsModeView;
}
export interface OrganizationView {
  id: string;
  name: string;
  slug: string;
  plan: string;
  selected: boolean;
}
export interface TokenView {
  id: string;
  name: string;
  /** e.g. "mfx_abc…•••": recognisable, not usable. */
  masked: string;
  scopes: string[];
  lastUsedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  ageDays: number | null;
  needsRotation: boolean;
}
/** The only shape that carries a full API token: shown once, never stored by MockDeck. */
export interface NewTokenView extends TokenView {
  token: string;
}
export interface SyncCounts {
  project: number;
  mock: number;
  response: number;
}
export interface SyncSummaryView {
  pushed: SyncCounts;
  pulled: SyncCounts;
  deletedRemote: SyncCounts;
  deletedLocal: SyncCounts;
  conflicts: number;
  skipped: { kind: 'project' | 'mock' | 'response'; remoteId: string; reason: string }[];
}
export interface SyncResultView extends SyncSummaryView {
  startedAt: string;
  finishedAt: string;
}
export interface SyncStatusView {
  running: boolean;
  lastSyncedAt: string | null;
  lastError: string | null;
  conflicts: number;
  pendingChanges: number;
}
export interface SyncProgressEvent {
  phase: 'started' | 'project' | 'step' | 'finished' | 'failed';
  project: string | null;
  message: string;
  summary: SyncSummaryView;
  at: string;
}
export interface SyncConflictView {
  id: string;
  kind: 'project' | 'mock' | 'response';
  label: string;
  projectId: string;
  localId: string;
  remoteId: string;
  detectedAt: string;
  /** Field values; null = deleted on that side. */
  base: Record<string, unknown> | null;
  mine: Record<string, unknown> | null;
  theirs: Record<string, unknown> | null;
  fields: { field: string; base: unknown; mine: unknown; theirs: unknown }[];
}
export interface DeploymentView {
  id: string;
  name: string;
  slug: string;
  status: string;
  health: string;
  url: string;
  /** The local project deployed, when this machine has it linked. */
  projectId: string | null;
  createdAt: string;
  updatedAt: string | null;
}
export interface DeploymentLogView {
  id: string;
  level: string;
  message: string;
  createdAt: string;
}
export interface DeploymentMetricsView {
  requestsTotal: number;
  requestsPerMinute: number;
  averageResponseTimeMs: number;
  errorRate: number;
  statusCodes: Record<string, number>;
  periodStart: string | null;
  periodEnd: string | null;
}
export interface AccountView {
  user: CloudUserView | null;
  org: OrganizationView | null;
  plan: string;
  status: string;
  currentPeriodEnd: string | null;
  usage: {
    requests: number;
    requestsLimit: number;
    storageBytes: number;
    storageLimitBytes: number;
    aiTokensUsed: number;
    aiTokensLimit: number;
    periodStart: string | null;
    periodEnd: string | null;
  };
  /** null: the cloud did not say (shown as "–"). */
  limits: {
    maxProjects: number | null;
    maxCollaborators: number | null;
    requestsPer30d: number | null;
    storageGb: number | null;
    aiTokensPerMonth: number | null;
    hostedMocks: boolean | null;
  };
}

const email = z.string().trim().min(3).max(320).pipe(z.email('email must be a valid email address'));
const password = z.string().min(1, 'password is required').max(1024);

export const cloudCalls = {
  'cloud.status': call(
    none,
    reads('Shows whether you are signed in to the cloud, where, and how secrets are stored.', 'cli'),
  ).returns<CloudStatus>(),
  /** Changing the server signs out of the previous one. */
  'cloud.setBaseUrl': call(
    z.object({ url: z.string().min(1).max(2000) }),
    writes('Points MockDeck at another cloud server, signing out of the previous one.', 'cli'),
  ).returns<CloudStatus>(),
  'secrets.mode': call(
    none,
    reads('Says whether credentials live in the OS keychain or only for this session, and why.', 'cli'),
  ).returns<SecretsModeView>(),

  'auth.register': call(
    z.object({
      username: z.string().trim().min(3, 'username needs at least 3 characters').max(64),
      email,
      password: z.string().min(8, 'password needs at least 8 characters').max(1024),
    }),
    writes('Creates a cloud account and signs in to it.'),
  ).returns<CloudAuthState>(),
  'auth.login': call(
    z.object({ email, password }),
    writes('Signs in to the cloud with an email and a password.', 'cli'),
  ).returns<CloudAuthState>(),
  'auth.loginOAuth': call(
    z.object({ provider: z.enum(['github', 'google']) }),
    writes('Signs in to the cloud through GitHub or Google in the system browser.'),
  ).returns<CloudAuthState>(),
  'auth.logout': call(
    none,
    writes('Signs out of the cloud and removes the stored credentials.', 'cli'),
  ).returns<CloudAuthState>(),

  'orgs.list': call(none, reads('Lists the cloud organizations you belong to.', 'cli')).returns<OrganizationView[]>(),
  'orgs.select': call(
    z.object({ id: id.nullable() }),
    writes('Chooses the cloud organization that sync and deployments use.', 'cli'),
  ).returns<CloudAuthState>(),

  'tokens.list': call(none, reads('Lists your cloud API tokens, masked.', 'cli')).returns<TokenView[]>(),
  'tokens.create': call(
    z.object({
      name: z.string().trim().min(1, 'name is required').max(200),
      scopes: z
        .array(z.enum(['read', 'write', 'admin']))
        .min(1)
        .default(['read', 'write']),
      expiresAt: z.iso.datetime({ offset: true }).optional(),
    }),
    writes('Creates a cloud API token and shows it once.', 'cli'),
  ).returns<NewTokenView>(),
  'tokens.rotate': call(
    z.object({ id, newName: z.string().trim().min(1).max(200).optional(), deleteOld: z.boolean().default(true) }),
    writes('Replaces a cloud API token with a new one, shown once, and deletes the old one.', 'cli'),
  ).returns<NewTokenView>(),
  'tokens.delete': call(z.object({ id }), writes('Deletes a cloud API token.', 'cli')).returns<{ deleted: true }>(),

  'sync.run': call(
    z.object({ projectId: z.string().optional() }).optional(),
    writes('Syncs projects, mocks and responses with the cloud both ways; can be cancelled.', 'cli', 'mcp'),
  ).returns<SyncResultView>(),
  'sync.status': call(
    none,
    reads('Shows when the last sync ran, its error, open conflicts and changes waiting.', 'cli', 'mcp'),
  ).returns<SyncStatusView>(),
  'sync.conflicts': call(
    z.object({ projectId: z.string().optional() }).optional(),
    reads('Lists the sync conflicts waiting for a choice, field by field.', 'cli', 'mcp'),
  ).returns<SyncConflictView[]>(),
  'sync.resolve': call(
    z.object({ id, choice: z.enum(['mine', 'theirs', 'both']) }),
    writes('Resolves a sync conflict by keeping mine, theirs, or both.', 'cli'),
  ).returns<{
    resolved: true;
    createdLocalId: string | null;
    remaining: number;
    /** "Keep both" of a mock: the copy shares its route with the original (shared/models/routes.ts). */
    warnings?: RouteWarning[];
  }>(),

  'deployments.deploy': call(
    z.object({ projectId: id, timeoutMs: z.number().int().min(1000).max(600_000).optional() }),
    writes(
      'Syncs a project and deploys it to a public cloud URL, waiting until it serves; can be cancelled.',
      'cli',
      'mcp',
    ),
  ).returns<DeploymentView>(),
  'deployments.list': call(
    z
      .object({
        status: z.enum(['active', 'deploying', 'failed', 'stopped']).optional(),
        projectId: z.string().optional(),
      })
      .optional(),
    reads('Lists your cloud deployments with their status, health and URL.', 'cli', 'mcp'),
  ).returns<DeploymentView[]>(),
  'deployments.get': call(
    z.object({ id }),
    reads('Shows one cloud deployment.', 'cli', 'mcp'),
  ).returns<DeploymentView>(),
  'deployments.setStatus': call(
    z.object({ id, status: z.enum(['active', 'stopped']) }),
    writes('Starts or stops a cloud deployment.', 'cli'),
  ).returns<DeploymentView>(),
  'deployments.delete': call(z.object({ id }), writes('Deletes a cloud deployment.', 'cli')).returns<{
    deleted: true;
  }>(),
  'deployments.logs': call(
    z.object({
      id,
      level: z.enum(['info', 'warn', 'error']).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    reads("Shows a cloud deployment's log lines, newest first.", 'cli', 'mcp'),
  ).returns<DeploymentLogView[]>(),
  'deployments.metrics': call(
    z.object({
      id,
      startTime: z.iso.datetime({ offset: true }).optional(),
      endTime: z.iso.datetime({ offset: true }).optional(),
    }),
    reads("Shows a cloud deployment's request counts, response times and error rate.", 'cli', 'mcp'),
  ).returns<DeploymentMetricsView>(),

  'account.get': call(none, reads('Shows your cloud plan, usage and limits.', 'cli')).returns<AccountView>(),
} as const;

export const cloudEvents = {
  'sync.progress': undefined as unknown as SyncProgressEvent,
  'cloud.authChanged': undefined as unknown as CloudAuthState,
} as const;
