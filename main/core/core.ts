import { Catalog } from './catalog/catalog';
import type { Pipeline } from './engine';
import { MockServer } from './server/mock-server';
import { openStore, type Store } from './store/store';
import { systemClock, type Clock } from './util/clock';

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
  /** The response pipeline mocks are answered through (engine/pipeline); the default one when absent. */
  pipeline?: Pipeline;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 3001;
export const DEFAULT_LOG_RETENTION = 10_000;

/** Everything MockDeck does without Electron: the CLI, the desktop app and tests all build one. */
export class Core {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly server: MockServer;
  readonly clock: Clock;

  private constructor(opts: CoreOptions) {
    this.clock = opts.clock ?? systemClock;
    this.store = openStore(opts.dataDir);
    this.catalog = new Catalog(this.store, this.clock);
    this.server = new MockServer({
      store: this.store,
      catalog: this.catalog,
      clock: this.clock,
      random: opts.random ?? Math.random,
      apiToken: opts.apiToken,
      logRetention: opts.logRetention ?? DEFAULT_LOG_RETENTION,
      logFlushMs: opts.logFlushMs ?? 250,
      host: opts.host ?? DEFAULT_HOST,
      port: opts.port ?? DEFAULT_PORT,
      pipeline: opts.pipeline,
    });
  }

  static open(opts: CoreOptions): Core {
    return new Core(opts);
  }

  /** Stops listeners, writes pending logs, closes the databases. */
  async close(): Promise<void> {
    await this.server.dispose();
    this.store.close();
  }
}
