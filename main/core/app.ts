import pkg from '../../package.json' with { type: 'json' };
import type { PluginService } from './plugins';
import type { AiService } from './ai/ai-service';
import type { ProxyService } from './proxy';
import type { FederationDefinitions } from './federation/federations';
import type { InstallProgressFeed } from './marketplace/progress-feed';
import type { Catalog } from './catalog/catalog';
import { Cloud, type CloudOptions } from './cloud/cloud';
import { Core, type CoreOptions } from './core';
import { EventHub, type EventHubOptions } from './events/event-hub';
import type { Router } from './handlers';
import { bridgeCloudEvents } from './handlers/cloud';
import { consoleLogger, type AppEnv, type HandlerCore, type Logger } from './handlers/context';
import { Lifecycle, type Service } from './lifecycle';
import { DEFAULT_WORKER_OPTIONS, PipelineWorker, type PipelineService, type PipelineWorkerOptions } from './pipelines';
import { KeychainSecretStore } from './secrets/keychain-store';
import { openSecretStore } from './secrets/open-secret-store';
import { KEYCHAIN_SERVICE, type SecretStore, type SecretsMode } from './secrets/secret-store';
import type { MockServer } from './server/mock-server';
import { refuseSqliteBindingOverride } from './store/connection';
import type { Store } from './store/store';
import { createAppLogger } from './util/app-logger';
import type { Clock } from './util/clock';
import { AppError } from './util/errors';

/** How the app's Cloud is built on first use. */
export interface CloudSetup extends Omit<CloudOptions, 'catalog' | 'secrets' | 'secretsMode'> {
  /**
   * Where sign-ins are kept: the OS keychain (default), process memory ('session-only'), or
   * a given store (tests). Never a file.
   */
  secrets?: 'keychain' | 'session-only' | { store: SecretStore; mode: SecretsMode };
  /**
   * Without a usable keychain: 'session-only' (default) keeps sign-ins in memory and says
   * why; 'error' fails the cloud call with KEYCHAIN_UNAVAILABLE (the CLI, where a memory
   * store would forget the login at exit).
   */
  onKeychainUnavailable?: 'session-only' | 'error';
  /** Keychain service name; "MockDeck" when absent. */
  keychainService?: string;
}

/** Where AI generation keeps its key, and how it reaches providers (docs/ai.md). */
export interface AiSetup {
  /**
   * The OS keychain under its own service ("MockDeck AI", so a cloud sign-out does not remove
   * the key), process memory ('session-only'), or a given store (tests). Never a file. When
   * absent: session-only if the cloud's secrets are, else the keychain.
   */
  secrets?: 'keychain' | 'session-only' | { store: SecretStore };
  /** The provider call (tests: none, they answer from a local OpenAI-compatible test server, test/harness); the platform's fetch when absent. */
  fetch?: typeof fetch;
  /** One provider call's limit; 120 s when absent. */
  timeoutMs?: number;
}

/** Builds a further member of the app (marketplace, pipelines, MCP…) from what the app holds. */
export type ServiceFactory = (app: App) => Service;

export interface AppOptions extends Omit<CoreOptions, 'cloudProvider' | 'app' | 'ai'> {
  /** What `app.info` reports; package.json's version when absent. */
  version?: string;
  /**
   * Services started, in order, once the core members exist; closed before them, newest
   * first. One that fails to start closes the app and fails openApp().
   */
  services?: readonly ServiceFactory[];
  cloud?: CloudSetup;
  ai?: AiSetup;
  events?: Omit<EventHubOptions, 'logger'>;
  /**
   * Where unexpected failures go. By default, with a data dir: the app log (JSON lines to
   * stderr and <dataDir>/logs/mockdeck.log, rotated; util/app-logger.ts), owned and closed by
   * the app; without one (in-memory tests): the console.
   */
  logger?: Logger;
  /** An installed desktop app (Electron's app.isPackaged): development overrides are off. */
  packaged?: boolean;
  /** See AppEnv.readOnly: `mockdeck serve --project`. */
  readOnly?: boolean;
  /** The pipeline worker (docs/pipelines.md); `false`: executions queue but do not run in this process. */
  pipelines?: Partial<PipelineWorkerOptions> | false;
}

/**
 * MockDeck assembled: Core (store, catalog, mock server), the event hub, the Cloud and the
 * handler router, plus whatever the caller adds to `lifecycle` (transports, the browser UI,
 * later marketplace, pipelines, MCP). `close()` disposes all of it, newest first.
 * The app is also the `core` every handler sees.
 */
export interface App extends HandlerCore {
  readonly core: Core;
  readonly store: Store;
  readonly catalog: Catalog;
  readonly server: MockServer;
  readonly events: EventHub;
  readonly router: Router;
  readonly env: AppEnv;
  readonly lifecycle: Lifecycle;
  /** Runs pipelines off the request path; null when the app was opened with `pipelines: false`. */
  readonly pipelineWorker: PipelineWorker | null;
  /** Adds a service to the app's lifecycle (started now, closed by `close()`). */
  use<S extends Service>(service: S): Promise<S>;
  cloud(): Promise<Cloud>;
  /** Stops and closes everything; idempotent; every step runs even when one fails. */
  close(): Promise<void>;
}

/** The one way to start MockDeck: the desktop shell, the CLI, the browser UI and tests call it. */
export async function openApp(opts: AppOptions): Promise<App> {
  const appLog = opts.logger || opts.dataDir === null ? null : createAppLogger({ dataDir: opts.dataDir });
  const logger = opts.logger ?? appLog ?? consoleLogger;
  const lifecycle = new Lifecycle(logger);
  if (opts.packaged) refuseSqliteBindingOverride();
  // First in, so closed last: whatever the other services report while closing is logged.
  if (appLog) lifecycle.own('app log', { close: async () => appLog.close() });
  try {
    const app = new AssembledApp(opts, logger, lifecycle);
    for (const create of opts.services ?? []) await app.use(create(app));
    return app;
  } catch (e) {
    await lifecycle.close().catch(() => undefined);
    throw e;
  }
}

/** Said when something asks a closed app for its cloud. */
export function appClosedError(): AppError {
  return new AppError('SERVER_ERROR', 'MockDeck is shutting down.', { hint: 'start it again' });
}

class AssembledApp implements App {
  readonly core: Core;
  readonly events: EventHub;
  readonly router: Router;
  readonly env: AppEnv;
  readonly pipelineWorker: PipelineWorker | null = null;
  private cloudBuild: Promise<Cloud> | null = null;
  private aiSecrets: Promise<SecretStore> | null = null;

  constructor(
    private readonly opts: AppOptions,
    logger: Logger,
    readonly lifecycle: Lifecycle,
  ) {
    this.env = {
      version: opts.version ?? pkg.version,
      dataDir: opts.dataDir,
      platform: process.platform,
      ...(opts.readOnly ? { readOnly: true } : {}),
    };
    // One router: the core's, which the management REST API already serves; its cloud calls
    // reach the Cloud this app owns.
    const { ai, ...coreOpts } = opts;
    this.core = Core.open({
      ...coreOpts,
      app: this.env,
      logger,
      cloudProvider: () => this.cloud(),
      ai: {
        secrets: () => this.openAiSecrets(),
        ...(ai?.fetch ? { fetch: ai.fetch } : {}),
        ...(ai?.timeoutMs ? { timeoutMs: ai.timeoutMs } : {}),
      },
    });
    this.router = this.core.router;
    lifecycle.own('core', this.core);
    this.events = new EventHub(this.core, { ...opts.events, logger });
    lifecycle.own('event hub', this.events);
    this.events.addSource((emit) => this.core.marketProgress.on((p) => emit('market.installProgress', p)));
    // Before the hub in close order: the cloud's events go through it.
    lifecycle.own('cloud', {
      close: async () => (await this.cloudBuild?.catch(() => null))?.close(),
    });
    // After the cloud, so closed before it: a promotion in flight is aborted, not cut off.
    if (opts.pipelines !== false) {
      const worker = new PipelineWorker(
        {
          store: this.core.store,
          catalog: this.core.catalog,
          clock: this.core.clock,
          service: this.core.pipelines,
          secrets: this.core.pipelines.secrets,
          cloud: () => this.cloud(),
          logger,
        },
        { ...DEFAULT_WORKER_OPTIONS, baseDir: opts.dataDir ?? process.cwd(), ...opts.pipelines },
      );
      worker.start();
      lifecycle.own('pipeline worker', worker);
      this.events.addSource((emit) => worker.runner.onFinished((e) => emit('pipelines.executionFinished', e)));
      this.pipelineWorker = worker;
    }
  }

  get store(): Store {
    return this.core.store;
  }
  get catalog(): Catalog {
    return this.core.catalog;
  }
  get server(): MockServer {
    return this.core.server;
  }
  get clock(): Clock {
    return this.core.clock;
  }
  get proxy(): ProxyService {
    return this.core.proxy;
  }
  get plugins(): PluginService {
    return this.core.plugins;
  }
  get ai(): AiService {
    return this.core.ai;
  }
  get pipelines(): PipelineService {
    return this.core.pipelines;
  }
  get federations(): FederationDefinitions {
    return this.core.federations;
  }

  get marketProgress(): InstallProgressFeed {
    return this.core.marketProgress;
  }

  use<S extends Service>(service: S): Promise<S> {
    return this.lifecycle.add(service);
  }

  cloud(): Promise<Cloud> {
    if (this.lifecycle.closed) return Promise.reject(appClosedError());
    if (!this.cloudBuild) {
      const build = this.buildCloud();
      this.cloudBuild = build;
      // A failed build (a keychain error in 'error' mode) is retried by the next call.
      build.catch(() => {
        if (this.cloudBuild === build) this.cloudBuild = null;
      });
    }
    return this.cloudBuild;
  }

  close(): Promise<void> {
    return this.lifecycle.close();
  }

  /** The AI key's store, opened on first use like the cloud's (the keychain is probed then). */
  private openAiSecrets(): Promise<SecretStore> {
    if (this.lifecycle.closed) return Promise.reject(appClosedError());
    if (!this.aiSecrets) {
      const setup =
        this.opts.ai?.secrets ?? (this.opts.cloud?.secrets === 'session-only' ? 'session-only' : 'keychain');
      const service = `${this.opts.cloud?.keychainService ?? KEYCHAIN_SERVICE} AI`;
      const open =
        typeof setup === 'object'
          ? Promise.resolve(setup.store)
          : openSecretStore({
              sessionOnly: setup === 'session-only',
              onUnavailable: this.opts.cloud?.onKeychainUnavailable ?? 'session-only',
              keychain: new KeychainSecretStore(service),
            }).then((o) => o.store);
      this.aiSecrets = open;
      open.catch(() => {
        if (this.aiSecrets === open) this.aiSecrets = null;
      });
    }
    return this.aiSecrets;
  }

  private async buildCloud(): Promise<Cloud> {
    const { secrets, onKeychainUnavailable, keychainService, ...cloudOpts } = this.opts.cloud ?? {};
    const opened =
      typeof secrets === 'object'
        ? secrets
        : await openSecretStore({
            sessionOnly: secrets === 'session-only',
            onUnavailable: onKeychainUnavailable ?? 'session-only',
            ...(keychainService ? { keychain: new KeychainSecretStore(keychainService) } : {}),
          });
    // The keychain probe may outlast the app: build nothing that close() already missed.
    if (this.lifecycle.closed) throw appClosedError();
    const cloud = new Cloud({ ...cloudOpts, catalog: this.catalog, secrets: opened.store, secretsMode: opened.mode });
    this.events.addSource((emit) => bridgeCloudEvents(cloud, emit));
    return cloud;
  }
}
