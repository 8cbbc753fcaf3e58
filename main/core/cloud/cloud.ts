import type {
  AccountView,
  CloudAuthState,
  CloudStatus,
  DeploymentView,
  NewTokenView,
  OrganizationView,
  SyncProgressEvent,
} from '../../../shared/ipc/cloud';
import type { Catalog } from '../catalog/catalog';
import type { SecretStore, SecretsMode } from '../secrets/secret-store';
import { SyncEngine } from '../sync/engine';
import { describeConflict, resolveConflict, type Resolution, type SyncConflict } from '../sync/conflicts';
import { systemClock, type Clock } from '../util/clock';
import { AccountApi } from './account/account-api';
import { AccountService } from './account/account-service';
import { MockForgeApi } from './api';
import { Deployer, type DeployOptions } from './deploy';
import { CloudHttp, type RetryPolicy } from './http';
import type { OAuthProvider, OpenExternal } from './oauth';
import { ProjectsApi } from './projects-api';
import { CloudSession } from './session';
import { CloudSettings, normalizeBaseUrl } from './settings';
import { TeamService } from './team/team';
import { TeamApi } from './team/team-api';
import { AppError } from '../util/errors';
import { accountView, deploymentView, logView, metricsView, orgView, tokenView } from './views';

export interface CloudOptions {
  catalog: Catalog;
  secrets: SecretStore;
  secretsMode: SecretsMode;
  clock?: Clock;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Opens the system browser for OAuth; the Electron shell passes shell.openExternal. */
  openExternal?: OpenExternal;
  /** MOCKDECK_CLOUD_TOKEN: an API token used for this process only (CI). */
  envToken?: string | null;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface CloudEvents {
  'sync.progress': SyncProgressEvent;
  'cloud.authChanged': CloudAuthState;
}

/**
 * The cloud side of MockDeck, built from Core's catalog plus a SecretStore: session, typed
 * API clients, sync and deploy. Handlers, the CLI and tests all reach the cloud through this.
 */
export class Cloud {
  readonly settings: CloudSettings;
  readonly session: CloudSession;
  readonly http: CloudHttp;
  readonly api: MockForgeApi;
  readonly projectsApi: ProjectsApi;
  readonly sync: SyncEngine;
  readonly deployer: Deployer;
  /** Profile, organizations, members and roles, audit log (team/). */
  readonly team: TeamService;
  /** Usage history, plan upgrade, the user's data, help and service status (./account). */
  readonly accountService: AccountService;
  private readonly listeners = new Map<keyof CloudEvents, Set<(p: never) => void>>();
  /** Aborted by close(): stops in-flight requests, retry and poll waits, and a pending browser sign-in. */
  private readonly stopped = new AbortController();

  constructor(private readonly opts: CloudOptions) {
    const clock = opts.clock ?? systemClock;
    const sleep = stoppableSleep(opts.sleep, this.stopped.signal);
    this.settings = new CloudSettings(opts.catalog.store.settings);
    this.session = new CloudSession(this.settings, opts.secrets, opts.envToken ?? null);
    this.http = new CloudHttp({
      baseUrl: () => this.settings.baseUrl(),
      auth: this.session,
      orgId: () => this.settings.orgId(),
      sleep,
      now: () => clock.now().getTime(),
      signal: this.stopped.signal,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
    });
    this.api = new MockForgeApi(this.http);
    this.projectsApi = new ProjectsApi(this.http);
    this.session.attach(this.api);
    this.session.onChange((s) => this.emit('cloud.authChanged', s));
    this.sync = new SyncEngine({
      catalog: opts.catalog,
      api: this.projectsApi,
      clock,
      scope: () => this.scope(),
      prepare: () => this.learnDefaultOrg(),
      emit: (p) => this.emit('sync.progress', p),
    });
    this.deployer = new Deployer({
      api: this.api,
      catalog: opts.catalog,
      sync: this.sync,
      scope: () => this.scope(),
      sleep,
      now: () => clock.now().getTime(),
    });
    this.team = new TeamService({
      api: new TeamApi(this.http),
      cloud: this.api,
      currentOrgId: () => this.currentOrgId(),
      selectOrg: (id) => this.selectOrg(id),
    });
    this.accountService = new AccountService({
      api: new AccountApi(this.http),
      mockforge: this.api,
      session: this.session,
      settings: this.settings,
      links: this.sync.links,
      conflicts: this.sync.conflicts,
      account: () => this.account(),
      openExternal: opts.openExternal,
      clock,
      sleep,
      stopped: this.stopped.signal,
    });
  }

  /** The organization cloud calls act in: the selected one, else the cloud's default one. */
  async currentOrgId(): Promise<string> {
    await this.learnDefaultOrg();
    const id = this.settings.orgId() ?? this.settings.defaultOrgId();
    if (!id)
      throw new AppError('CLOUD_ERROR', 'The cloud did not say which organization you are in.', {
        hint: 'Pick an organization in the switcher.',
      });
    return id;
  }

  /**
   * Links and conflicts belong to one server and organization. Without a selected org the
   * cloud's default one is used, named by its id so that selecting it explicitly later is
   * the same scope (and does not make every project look new).
   */
  scope(): string {
    return `${this.settings.baseUrl()}#${this.settings.orgId() ?? this.settings.defaultOrgId() ?? 'default'}`;
  }

  private async learnDefaultOrg(): Promise<void> {
    if (this.settings.orgId() || this.settings.defaultOrgId()) return;
    this.settings.setDefaultOrgId((await this.api.subscription()).org_id);
  }

  on<K extends keyof CloudEvents>(name: K, listener: (payload: CloudEvents[K]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (p: never) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (p: never) => void);
  }

  private emit<K extends keyof CloudEvents>(name: K, payload: CloudEvents[K]): void {
    for (const l of this.listeners.get(name) ?? []) (l as (p: CloudEvents[K]) => void)(payload);
  }

  /**
   * Stops everything the cloud has running (requests, waits between retries and deploy
   * polls, a browser sign-in's loopback listener) and drops its listeners. Idempotent.
   */
  close(): void {
    if (this.stopped.signal.aborted) return;
    this.stopped.abort(cloudClosedError());
    this.listeners.clear();
  }

  secretsMode(): SecretsMode {
    return this.opts.secretsMode;
  }

  async status(): Promise<CloudStatus> {
    return { ...(await this.session.state()), secrets: this.opts.secretsMode };
  }

  /** A different server means a different account: sign out first so no token follows the URL. */
  async setBaseUrl(url: string): Promise<CloudStatus> {
    const next = normalizeBaseUrl(url);
    if (next !== this.settings.baseUrl()) await this.session.logout();
    this.settings.setBaseUrl(next);
    await this.session.notify();
    return this.status();
  }

  loginOAuth(provider: OAuthProvider, timeoutMs?: number): Promise<CloudAuthState> {
    const open = this.opts.openExternal;
    if (!open) {
      return Promise.reject(
        new AppError('CLOUD_ERROR', 'Browser sign-in is not available here.', {
          hint: 'sign in with email and password, or use MOCKDECK_CLOUD_TOKEN',
        }),
      );
    }
    return this.session.loginOAuth(provider, open, timeoutMs, this.stopped.signal);
  }

  async organizations(): Promise<OrganizationView[]> {
    const selected = this.settings.orgId();
    return (await this.api.organizations()).map((o) => orgView(o, selected));
  }

  async selectOrg(id: string | null): Promise<CloudAuthState> {
    if (id) await this.api.organization(id);
    this.settings.setOrgId(id);
    return this.session.notify();
  }

  async listTokens() {
    return (await this.api.listTokens()).map(tokenView);
  }

  async createToken(input: { name: string; scopes: string[]; expiresAt?: string }): Promise<NewTokenView> {
    const t = await this.api.createToken({
      name: input.name,
      scopes: input.scopes,
      ...(input.expiresAt ? { expires_at: input.expiresAt } : {}),
    });
    return { ...tokenView(t), token: t.token };
  }

  async rotateToken(id: string, input: { newName?: string; deleteOld?: boolean }): Promise<NewTokenView> {
    const r = await this.api.rotateToken(id, {
      ...(input.newName ? { new_name: input.newName } : {}),
      delete_old: input.deleteOld ?? true,
    });
    const info = (await this.api.listTokens()).find((t) => t.id === r.new_token_id);
    const base = info
      ? tokenView(info)
      : tokenView({
          id: r.new_token_id,
          name: r.new_token_name,
          token_prefix: r.new_token.slice(0, 7),
          scopes: [],
          last_used_at: null,
          expires_at: null,
          created_at: new Date().toISOString(),
        });
    return { ...base, token: r.new_token };
  }

  async deleteToken(id: string): Promise<{ deleted: true }> {
    await this.api.deleteToken(id);
    return { deleted: true };
  }

  conflicts(projectId?: string): SyncConflict[] {
    return this.sync.conflicts
      .list(this.scope())
      .filter((c) => !projectId || c.rootLocalId === projectId)
      .map(describeConflict);
  }

  resolve(id: string, choice: Resolution) {
    const r = resolveConflict(
      { catalog: this.opts.catalog, links: this.sync.links, conflicts: this.sync.conflicts, scope: this.scope() },
      id,
      choice,
    );
    return {
      resolved: true as const,
      createdLocalId: r.createdLocalId,
      remaining: this.sync.conflicts.count(this.scope()),
      ...(r.warnings ? { warnings: r.warnings } : {}),
    };
  }

  deploy(projectId: string, opts: DeployOptions = {}): Promise<DeploymentView> {
    return this.deployer.deploy(projectId, opts);
  }

  /** Local project id for a cloud project id, when this machine has it linked. */
  private localProjectFor(remoteProjectId: string | null | undefined): string | null {
    if (!remoteProjectId) return null;
    return (
      this.sync.links.all(this.scope()).find((l) => l.kind === 'project' && l.remoteId === remoteProjectId)?.localId ??
      null
    );
  }

  async listDeployments(q: { status?: string; projectId?: string } = {}): Promise<DeploymentView[]> {
    const remote = q.projectId ? this.sync.links.get(this.scope(), 'project', q.projectId)?.remoteId : undefined;
    if (q.projectId && !remote) return [];
    const list = await this.api.listDeployments({
      ...(q.status ? { status: q.status } : {}),
      ...(remote ? { project_id: remote } : {}),
    });
    return list.map((d) => deploymentView(d, this.localProjectFor(d.project_id)));
  }

  async getDeployment(id: string): Promise<DeploymentView> {
    const d = await this.api.getDeployment(id);
    return deploymentView(d, this.localProjectFor(d.project_id));
  }

  async setDeploymentStatus(id: string, status: 'active' | 'stopped'): Promise<DeploymentView> {
    await this.api.setDeploymentStatus(id, status);
    return this.getDeployment(id);
  }

  async deleteDeployment(id: string): Promise<{ deleted: true }> {
    await this.api.deleteDeployment(id);
    return { deleted: true };
  }

  async deploymentLogs(id: string, q: { level?: string; limit?: number } = {}) {
    return (await this.api.deploymentLogs(id, q)).map(logView);
  }

  async deploymentMetrics(id: string, q: { startTime?: string; endTime?: string } = {}) {
    return metricsView(
      await this.api.deploymentMetrics(id, {
        ...(q.startTime ? { start_time: q.startTime } : {}),
        ...(q.endTime ? { end_time: q.endTime } : {}),
      }),
    );
  }

  async account(): Promise<AccountView> {
    const [sub, usage, orgs] = await Promise.all([this.api.subscription(), this.api.usage(), this.organizations()]);
    const org = orgs.find((o) => o.selected) ?? orgs.find((o) => o.id === sub.org_id) ?? null;
    return accountView(this.settings.user(), org, sub, usage);
  }
}

/** Why a cloud call ended early: the app closed under it. */
export function cloudClosedError(): AppError {
  return new AppError('CLOUD_ERROR', 'MockDeck is shutting down: the cloud call was stopped.', {
    hint: 'start MockDeck again and retry; sync resumes where it stopped',
  });
}

/** A sleep that ends (rejecting) as soon as `signal` aborts, clearing its timer. */
function stoppableSleep(
  inner: ((ms: number) => Promise<void>) | undefined,
  signal: AbortSignal,
): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        if (timer) clearTimeout(timer);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      if (inner) inner(ms).then(done, (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)));
      else timer = setTimeout(done, ms);
    });
}
