import type { ServerState } from '../../../shared/ipc/contract';
import type { RequestLog } from '../../../shared/models';
import type { ProjectRuntime } from '../engine';

export interface StartOptions {
  host?: string;
  port?: number;
}

/**
 * The local HTTP side of MockDeck: the main listener (execution under /m/:slug/* plus the
 * management REST API) and one listener per project that has a dedicated port.
 */
export interface MockServerApi {
  start(opts?: StartOptions): Promise<ServerState>;
  stop(): Promise<ServerState>;
  state(): ServerState;
  /** The chaos kill switch (chaos-switch.ts); `persist` false keeps it to this run. */
  setChaosEnabled(enabled: boolean, persist?: boolean): ServerState;
  onStateChange(listener: (state: ServerState) => void): () => void;
  /** Called once per logged request, after it is queued for the database. */
  onRequestLogged(listener: (log: RequestLog) => void): () => void;
  /** Writes queued request logs now, blocking until committed (also runs on a timer and on stop). */
  flushLogs(): void;
  /** Writes the request logs queued now and resolves once committed, serving requests meanwhile: what reads need. */
  settleLogs(): Promise<void>;
  /** Writes the hit counters of queued request logs, but not the rows, and resolves once committed: what stats need. */
  settleCounters(): Promise<void>;
  /** Request-log rows kept by projects without a retention of their own; setting it trims them in the background. */
  setDefaultRetention(rows: number): void;
  getDefaultRetention(): number;
  /** A project's runtime state (scenario states, globals, buckets); undefined when the project does not exist. */
  runtime(projectId: string): ProjectRuntime | undefined;
}

/**
 * Routes the main listener serves beside /m/ — the management REST API. The assembly
 * (core.ts) supplies them, so the server does not depend on the layer above it that the
 * management API calls (the handlers).
 */
export type MountRoutes = (app: import('fastify').FastifyInstance, ctx: MountContext) => Promise<void>;

export interface MountContext {
  /** The management API's Bearer token. */
  token: string;
  /** Where the token file lives, for the 401 hint. */
  dataDir: string | null;
}
