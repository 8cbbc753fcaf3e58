import { AiService, type AiServiceOptions } from './ai/ai-service';
import { Catalog } from './catalog/catalog';
import type { Cloud } from './cloud/cloud';
import { createAppRouter, type AppEnv, type Router } from './handlers';
import type { Pipeline } from './engine';
import { PipelineService } from './pipelines';
import { FederationDefinitions } from './federation/federations';
import { ProxyService } from './proxy';
import { MemorySecretStore, openSecretStore, type SecretStore } from './secrets';
import { mountManagementApi } from './server/management';
import { PluginService } from './plugins';
import { healthRoutes } from './server/management/health-routes';
import type { HttpLimits } from './server/http-limits';
import { MockServer } from './server/mock-server';
import { SERVER_PIPELINE } from './server/project-cache';
import { LOG_RETENTION_SETTING } from './store/settings-repo';
import { openStore, type Store } from './store/store';
import { systemClock, type Clock } from './util/clock';
import { InstallProgressFeed } from './marketplace/progress-feed';
import { AppError } from './util/errors';
import { consoleLogger, type Logger } from './util/logger';
import { DEFAULT_LOG_RETENTION } from '../../shared/models';

export interface CoreOptions {
  /** Where catalog.db, logs.db and api-token live; null keeps everything in memory (tests). */
  dataDir: string | null;
  clock?: Clock;
  /** Source of randomness for weighted response selection; tests pass a seeded one. */
  random?: () => number;
  /** Local management API token; generated and kept in the data dir when absent. */
  apiToken?: string;
  /** Newest request-log rows kept per project. */
  logRetention?: number;
  /** How often queued request logs are written. */
  logFlushMs?: number;
  host?: string;
  port?: number;
  /** What app.info reports; the shell knows the version. */
  app?: AppEnv;
  /** Where unexpected failures are reported (secrets masked). */
  logger?: Logger;
  /**
   * The app's Cloud, for the cloud calls of the router. openApp() supplies it (it owns the
   * Cloud's lifecycle); a bare Core answers cloud calls with CLOUD_UNAVAILABLE.
   */
  cloudProvider?: () => Promise<Cloud>;
  /**
   * AI generation (docs/ai.md): where its key is kept — openApp() gives the keychain (or
   * memory in session-only mode); a bare Core has none, so only its settings can be read.
   */
  ai?: Omit<AiServiceOptions, 'settings' | 'usage' | 'clock'>;
  /** The response pipeline mocks are answered through (engine/pipeline); the server's (templating, CRUD) when absent. */
  pipeline?: Pipeline;
  /**
   * Request timeouts (headers 10 s, whole request 30 s) and the grace period a stop gives
   * requests in flight (2 s) before it cuts their connections; see server/http-limits.ts.
   */
  httpLimits?: Partial<HttpLimits>;
  /**
   * Where pipeline credentials (SMTP passwords, webhook secrets, git tokens) go: the OS
   * keychain by default (memory when it is unavailable, or without a data dir).
   */
  pipelineSecrets?: () => Promise<SecretStore>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 3001;
export { DEFAULT_LOG_RETENTION };

/** Store, catalog and mock server: the part of MockDeck every entry point needs. openApp() (app.ts) builds one and owns it. */
export class Core {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly server: MockServer;
  readonly clock: Clock;
  /** Passthrough and record of unmatched requests to a project's upstream (docs/proxy.md). */
  readonly proxy: ProxyService;
  /** WebAssembly plugins: installed ones, bindings, and the stage that runs them (docs/plugins.md). */
  readonly plugins: PluginService;
  /** Pipelines and their executions (docs/pipelines.md); the app's PipelineWorker runs them. */
  readonly pipelines: PipelineService;
  /**
   * The use-case layer over this core: the management REST API calls it, and so may the
   * desktop shell, the CLI and tests. Handlers reach the services only when called, so it
   * can exist before the server it serves.
   */
  readonly router: Router;
  /** AI generation with the user's own key, and its settings. */
  readonly ai: AiService;
  /** Federations of projects, served at /f/<name>/ (docs/federation.md). */
  readonly federations: FederationDefinitions;
  /** Marketplace installs' steps and byte counts, for the renderer's progress bar. */
  readonly marketProgress = new InstallProgressFeed();

  private readonly cloudProvider: (() => Promise<Cloud>) | undefined;

  private constructor(opts: CoreOptions) {
    this.cloudProvider = opts.cloudProvider;
    this.clock = opts.clock ?? systemClock;
    this.store = openStore(opts.dataDir);
    this.catalog = new Catalog(this.store, this.clock);
    this.ai = new AiService({
      secrets: () =>
        Promise.reject(
          new AppError('KEYCHAIN_UNAVAILABLE', 'this process has no place to keep an AI key', {
            hint: 'open MockDeck with openApp() (main/core/app.ts), which opens the keychain',
          }),
        ),
      ...opts.ai,
      settings: this.store.settings,
      usage: this.store.aiUsage,
      clock: this.clock,
    });
    const logger = opts.logger ?? consoleLogger;
    this.proxy = new ProxyService(this.catalog, this.store, logger);
    this.plugins = new PluginService(this.store);
    this.pipelines = new PipelineService(
      this.store,
      this.clock,
      opts.pipelineSecrets ?? pipelineSecretStore(opts.dataDir),
    );
    this.federations = new FederationDefinitions(this.store, this.clock);
    this.router = createAppRouter({
      core: this,
      app: opts.app ?? { version: 'unknown', dataDir: opts.dataDir, platform: process.platform },
      logger,
    });
    const api = this.router;
    this.server = new MockServer({
      routes: async (app, { token, dataDir }) => {
        await app.register(healthRoutes, {
          version: opts.app?.version ?? 'unknown',
          ready: () => !this.server.draining,
          checks: {
            database: () => void this.store.db.prepare('SELECT 1').get(),
            logs: () => void this.store.logsDb.prepare('SELECT 1').get(),
          },
        });
        await mountManagementApi(app, {
          api,
          token,
          dataDir,
          logger,
          mcp: { dispatcher: this.router.forTransport('mcp'), version: opts.app?.version ?? 'unknown' },
        });
      },
      store: this.store,
      catalog: this.catalog,
      clock: this.clock,
      random: opts.random ?? Math.random,
      apiToken: opts.apiToken,
      // `--log-retention` wins for this run; else the Settings screen's choice; else 10,000.
      logRetention: opts.logRetention ?? storedRetention(this.store) ?? DEFAULT_LOG_RETENTION,
      logFlushMs: opts.logFlushMs ?? 250,
      host: opts.host ?? DEFAULT_HOST,
      port: opts.port ?? DEFAULT_PORT,
      pipeline: this.plugins.withPlugins(this.proxy.withProxy(opts.pipeline ?? SERVER_PIPELINE)),
      limits: opts.httpLimits,
      federations: this.federations,
    });
    this.plugins.onRecompile((projectId) => this.server.recompile(projectId));
  }

  cloud(): Promise<Cloud> {
    if (this.cloudProvider) return this.cloudProvider();
    return Promise.reject(
      new AppError('SERVER_ERROR', 'the cloud is not available in this process', {
        hint: 'open MockDeck with openApp() (main/core/app.ts), which owns the Cloud',
      }),
    );
  }

  static open(opts: CoreOptions): Core {
    return new Core(opts);
  }

  /** Stops listeners, writes pending logs, closes the databases. */
  async close(): Promise<void> {
    await this.proxy.close();
    await this.plugins.close();
    await this.server.dispose();
    await this.catalog.trees.closeWorkers();
    this.store.close();
  }
}

function storedRetention(store: Store): number | undefined {
  const v = store.settings.get(LOG_RETENTION_SETTING);
  const n = v === undefined ? NaN : Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** The keychain, probed on first use; in-memory tests and a missing keychain get process memory. */
function pipelineSecretStore(dataDir: string | null): () => Promise<SecretStore> {
  let opened: Promise<SecretStore> | null = null;
  return () =>
    (opened ??=
      dataDir === null
        ? Promise.resolve(new MemorySecretStore())
        : openSecretStore({ onUnavailable: 'session-only' }).then((o) => o.store));
}
