import { Catalog } from './catalog/catalog';
import type { Cloud } from './cloud/cloud';
import { createAppRouter, type AppEnv, type Router } from './handlers';
import type { Pipeline } from './engine';
import { FederationDefinitions } from './federation/federations';
import { ProxyService } from './proxy';
import { mountManagementApi } from './server/management';
import type { HttpLimits } from './server/http-limits';
import { MockServer } from './server/mock-server';
import { SERVER_PIPELINE } from './server/project-cache';
import { openStore, type Store } from './store/store';
import { systemClock, type Clock } from './util/clock';
import { AppError } from './util/errors';
import { consoleLogger, type Logger } from './util/logger';

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
  /** The response pipeline mocks are answered through (engine/pipeline); the server's (templating, CRUD) when absent. */
  pipeline?: Pipeline;
  /**
   * Request timeouts (headers 10 s, whole request 30 s) and the grace period a stop gives
   * requests in flight (2 s) before it cuts their connections; see server/http-limits.ts.
   */
  httpLimits?: Partial<HttpLimits>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 3001;
export const DEFAULT_LOG_RETENTION = 10_000;

/** Store, catalog and mock server: the part of MockDeck every entry point needs. openApp() (app.ts) builds one and owns it. */
export class Core {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly server: MockServer;
  readonly clock: Clock;
  /** Passthrough and record of unmatched requests to a project's upstream (docs/proxy.md). */
  readonly proxy: ProxyService;
  /**
   * The use-case layer over this core: the management REST API calls it, and so may the
   * desktop shell, the CLI and tests. Handlers reach the services only when called, so it
   * can exist before the server it serves.
   */
  readonly router: Router;
  /** Federations of projects, served at /f/<name>/ (docs/federation.md). */
  readonly federations: FederationDefinitions;

  private readonly cloudProvider: (() => Promise<Cloud>) | undefined;

  private constructor(opts: CoreOptions) {
    this.cloudProvider = opts.cloudProvider;
    this.clock = opts.clock ?? systemClock;
    this.store = openStore(opts.dataDir);
    this.catalog = new Catalog(this.store, this.clock);
    const logger = opts.logger ?? consoleLogger;
    this.proxy = new ProxyService(this.catalog, this.store, logger);
    this.federations = new FederationDefinitions(this.store, this.clock);
    this.router = createAppRouter({
      core: this,
      app: opts.app ?? { version: 'unknown', dataDir: opts.dataDir, platform: process.platform },
      logger,
    });
    const api = this.router;
    this.server = new MockServer({
      routes: (app, { token, dataDir }) => mountManagementApi(app, { api, token, dataDir, logger }),
      store: this.store,
      catalog: this.catalog,
      clock: this.clock,
      random: opts.random ?? Math.random,
      apiToken: opts.apiToken,
      logRetention: opts.logRetention ?? DEFAULT_LOG_RETENTION,
      logFlushMs: opts.logFlushMs ?? 250,
      host: opts.host ?? DEFAULT_HOST,
      port: opts.port ?? DEFAULT_PORT,
      pipeline: this.proxy.withProxy(opts.pipeline ?? SERVER_PIPELINE),
      limits: opts.httpLimits,
      federations: this.federations,
    });
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
    await this.server.dispose();
    await this.catalog.trees.closeWorkers();
    this.store.close();
  }
}
