import type { FastifyInstance } from 'fastify';
import type { ServerState } from '../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../shared/ipc/result';
import type { RequestLog } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import type { Pipeline, ProjectRuntime } from '../engine';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { toAppError } from '../util/errors';
import { buildMainApp, closeApp } from './apps';
import { ChaosKillSwitch } from './chaos-switch';
import type { ExecutionDeps } from './execution';
import { ShutdownGrace } from './graceful-close';
import { httpLimits, type HttpLimits } from './http-limits';
import { listen } from './listen';
import { resolveApiToken } from '../util/local-token';
import { LogBatcher } from './log-batcher';
import { createLogWriter } from './log-writer';
import { FederationServing, type FederationLookup } from './federation-serving';
import { ProjectCache, SERVER_PIPELINE } from './project-cache';
import { ProjectPorts, urlHost } from './project-ports';
import type { MockServerApi, MountRoutes, StartOptions } from './types';

export interface MockServerOptions {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  random: () => number;
  apiToken?: string | undefined;
  logRetention: number;
  logFlushMs: number;
  host: string;
  port: number;
  /** The routes the main listener serves beside /m/: the management REST API (core.ts mounts it). */
  routes: MountRoutes;
  /** The response pipeline (engine/pipeline); the default one when absent. */
  pipeline?: Pipeline | undefined;
  /** Request timeouts and the shutdown grace period (http-limits.ts); the defaults fill gaps. */
  limits?: Partial<HttpLimits> | undefined;
  /** Federation definitions: with them, the main listener serves /f/<name>/* (federation-serving.ts). */
  federations?: FederationLookup | undefined;
}

/**
 * The local HTTP side: the main listener (/m/:slug/* and the management API) and the
 * per-project ports. start/stop/port changes run one at a time on a queue, so a catalog
 * edit arriving during start() cannot open a port twice.
 */
export class MockServer implements MockServerApi {
  /** Bearer token of the management API (explicit, $MOCKDECK_API_TOKEN, or <dataDir>/api-token). */
  readonly apiToken: string;
  private readonly logs: LogBatcher;
  private readonly cache: ProjectCache;
  private readonly federations: FederationServing | undefined;
  private readonly ports: ProjectPorts;
  private readonly stateListeners = new Set<(s: ServerState) => void>();
  private mainApp: FastifyInstance | null = null;
  private host: string;
  private port: number;
  private boundPort: number | null = null;
  private error: AppErrorShape | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private readonly limits: HttpLimits;
  /** The grace period of the stop in progress, if any. */
  private grace: ShutdownGrace | null = null;
  /** cutConnections() was called: stops until the next start() have no grace period. */
  private hurried = false;
  /** Projects whose `logSecrets` is on: their request logs keep credentials. */
  private readonly secretsKept = new Set<string>();
  /** Projects with a retention of their own (Project.logRetention); the rest keep `defaultRetention`. */
  private readonly retentions = new Map<string, number>();
  private defaultRetention: number;
  private readonly chaos: ChaosKillSwitch;
  /** Mocks and projects with a chaos setting, as last counted (ServerState.chaos). */
  private chaosSettings = 0;

  constructor(private readonly opts: MockServerOptions) {
    this.apiToken = resolveApiToken({ dataDir: opts.store.dataDir, override: opts.apiToken });
    this.host = opts.host;
    this.port = opts.port;
    this.limits = httpLimits(opts.limits);
    this.defaultRetention = opts.logRetention;
    this.logs = new LogBatcher(
      () => createLogWriter(opts.store, opts.logRetention),
      opts.logFlushMs,
      (projectId) => this.retentions.get(projectId) ?? this.defaultRetention,
      (projectId) => this.secretsKept.has(projectId),
    );
    this.chaos = new ChaosKillSwitch(opts.store);
    this.chaosSettings = opts.store.mocks.chaosSettingCount();
    this.cache = new ProjectCache(opts.store, opts.catalog, opts.pipeline, { clock: opts.clock });
    this.federations =
      opts.federations &&
      new FederationServing(opts.store, opts.catalog, this.cache, opts.pipeline ?? SERVER_PIPELINE, opts.federations);
    this.ports = new ProjectPorts(opts.store, this.exec(), this.limits);
    this.loadSecretsKept();
    this.unsubscribe = opts.catalog.events.on((c) => {
      if (c.kind === 'project' || c.kind === 'deleted') this.loadSecretsKept();
      if ((c.kind === 'project' || c.kind === 'deleted') && this.mainApp) void this.serial(() => this.syncPorts(false));
      if (c.kind !== 'response') this.recountChaos();
    });
  }

  private loadSecretsKept(): void {
    this.secretsKept.clear();
    const before = new Map(this.retentions);
    this.retentions.clear();
    const changed: string[] = [];
    for (const p of this.opts.store.projects.list()) {
      if (p.logSecrets) this.secretsKept.add(p.id);
      if (p.logRetention !== null) this.retentions.set(p.id, p.logRetention);
      if (before.get(p.id) !== (p.logRetention ?? undefined)) changed.push(p.id);
    }
    // A lowered retention trims at once, not at the project's next request.
    if (before.size > 0 || this.retentions.size > 0) this.logs.retentionChanged(changed);
  }

  /** The retention of projects without their own (`--log-retention`, the Settings screen); trims them now. */
  setDefaultRetention(rows: number): void {
    this.defaultRetention = rows;
    this.logs.retentionChanged(
      this.opts.store.projects
        .list()
        .filter((p) => p.logRetention === null)
        .map((p) => p.id),
    );
  }

  getDefaultRetention(): number {
    return this.defaultRetention;
  }

  private exec(): ExecutionDeps {
    return { cache: this.cache, logs: this.logs, clock: this.opts.clock, random: this.opts.random, chaos: this.chaos };
  }

  /**
   * The kill switch: off stops every chaos setting at once (the settings stay). `persist`
   * false keeps the change to this run (`mockdeck serve --no-chaos`).
   */
  setChaosEnabled(enabled: boolean, persist = true): ServerState {
    this.chaos.set(enabled, persist);
    this.emit();
    return this.state();
  }

  private recountChaos(): void {
    const n = this.opts.store.mocks.chaosSettingCount();
    if (n === this.chaosSettings) return;
    this.chaosSettings = n;
    this.emit();
  }

  /** Recompiles a project on its next request (its plugin bindings changed). */
  recompile(projectId: string): void {
    this.cache.recompile(projectId);
  }

  /** A stop is draining requests in flight: readiness probes say not ready. */
  get draining(): boolean {
    return this.grace !== null;
  }

  /** Starts (or restarts with new host/port) every listener. Rejects with PORT_IN_USE when the main port is taken. */
  start(opts: StartOptions = {}): Promise<ServerState> {
    return this.serial(async () => {
      const host = opts.host ?? this.host;
      const port = opts.port ?? this.port;
      if (this.mainApp && host === this.host && port === this.port) return this.state();
      await this.closeAll();
      this.hurried = false;
      this.host = host;
      this.port = port;
      const app = await buildMainApp({
        exec: this.exec(),
        routes: this.opts.routes,
        token: this.apiToken,
        dataDir: this.opts.store.dataDir,
        limits: this.limits,
        federations: this.federations,
      });
      try {
        this.boundPort = await listen(app, host, port);
      } catch (e) {
        const err = toAppError(e);
        this.error = err.toShape();
        this.emit();
        throw err;
      }
      this.mainApp = app;
      this.error = null;
      await this.ports.reconcile(host, true);
      this.emit();
      return this.state();
    });
  }

  stop(): Promise<ServerState> {
    return this.serial(async () => {
      await this.closeAll();
      this.error = null;
      this.emit();
      return this.state();
    });
  }

  state(): ServerState {
    const running = this.mainApp !== null;
    const port = running && this.boundPort !== null ? this.boundPort : this.port;
    return {
      url: running ? `http://${urlHost(this.host)}:${port}` : null,
      host: this.host,
      port,
      running,
      error: this.error,
      projectPorts: this.ports.states(),
      chaos: { enabled: this.chaos.enabled, settings: this.chaosSettings },
    };
  }

  /** The main fastify instance while running (for inject() in tests and tools), else null. */
  get app(): FastifyInstance | null {
    return this.mainApp;
  }

  /** Where a project's mocks are served on the main listener, e.g. http://127.0.0.1:3001/m/my-api; null when stopped. */
  /** A project's runtime state (scenarios, globals, buckets); undefined when the project does not exist. */
  runtime(projectId: string): ProjectRuntime | undefined {
    return this.cache.runtime(projectId);
  }

  projectUrl(slug: string): string | null {
    const url = this.state().url;
    return url && `${url}/m/${slug}`;
  }

  onStateChange(listener: (state: ServerState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onRequestLogged(listener: (log: RequestLog) => void): () => void {
    return this.logs.onLogged(listener);
  }

  flushLogs(): void {
    this.logs.flush();
  }

  settleLogs(): Promise<void> {
    return this.logs.settle();
  }

  settleCounters(): Promise<void> {
    return this.logs.settleCounters();
  }

  /**
   * Diagnostics: 'worker' when request logs are written on a worker thread (a data dir and
   * the worker file available), 'inline' on this thread, 'starting' meanwhile, 'none' before
   * the first log.
   */
  logWriterMode(): ReturnType<LogBatcher['writerMode']> {
    return this.logs.writerMode();
  }

  /** Diagnostics: the OS thread id of the log writer when it runs at the lowest CPU priority (Linux), else null. */
  logWriterThread(): number | null {
    return this.logs.writerThread();
  }

  /**
   * Ends the grace period of a stop in progress, and of stops to come until the next start:
   * every connection is cut at once (a second Ctrl+C). Logs are still written.
   */
  cutConnections(): void {
    this.hurried = true;
    this.grace?.cutNow();
  }

  /** The request timeouts and shutdown grace period in force. */
  httpLimits(): HttpLimits {
    return { ...this.limits };
  }

  /**
   * Stops everything and detaches from the catalog; the Core calls it on close. Whatever the
   * clients do, the listeners are gone within the grace period (plus the time to close).
   */
  async dispose(): Promise<void> {
    await this.stop();
    await this.logs.close();
    this.unsubscribe();
    this.cache.dispose();
    this.federations?.dispose();
  }

  private async syncPorts(retryFailed: boolean): Promise<void> {
    if (!this.mainApp) return;
    await this.ports.reconcile(this.host, retryFailed);
    this.emit();
  }

  private async closeAll(): Promise<void> {
    const app = this.mainApp;
    this.mainApp = null;
    this.boundPort = null;
    // One grace period for all listeners: they close together.
    const grace = new ShutdownGrace(this.hurried ? 0 : this.limits.shutdownGraceMs);
    this.grace = grace;
    try {
      await Promise.all([this.ports.closeAll(grace), app && closeApp(app, grace)]);
    } finally {
      if (this.grace === grace) this.grace = null;
    }
    // Requests answered before the close are in the queue: write them now.
    this.logs.flush();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private emit(): void {
    const s = this.state();
    for (const l of this.stateListeners) {
      try {
        l(s);
      } catch (e) {
        console.error('server state listener failed', e);
      }
    }
  }
}
