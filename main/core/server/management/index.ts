import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../../catalog/catalog';
import type { Store } from '../../store/store';
import { bearerAuth } from './auth';
import { installJsonBodyParser } from './body';
import { managementErrorHandler, sendNotFound } from './errors';
import { logRoutes } from './log-routes';
import { mockRoutes } from './mock-routes';
import { projectRoutes } from './project-routes';
import { responseRoutes } from './response-routes';

export interface ManagementOptions {
  catalog: Catalog;
  store: Store;
  /** The Bearer token every route requires (see resolveApiToken). */
  token: string;
  /** Writes queued request logs, so stats and logs include requests made a moment ago. */
  flushLogs?: (() => void) | undefined;
  /** Writes the hit counters of queued request logs (not the rows), so stats include them. */
  flushCounters?: (() => void) | undefined;
}

/**
 * The MockBird-compatible management REST API (docs/reference/mockbird-api.md §3–6) as a fastify plugin.
 * Register it WITHOUT fastify-plugin: its body parser, auth hook and error handler then
 * stay inside this encapsulation context and never touch the public /m/ routes.
 */
export async function managementApi(app: FastifyInstance, opts: ManagementOptions): Promise<void> {
  installJsonBodyParser(app);
  app.addHook('onRequest', bearerAuth(opts.token, opts.store.dataDir));
  app.setErrorHandler(managementErrorHandler);

  const flushLogs = opts.flushLogs ?? (() => {});
  const deps = { catalog: opts.catalog, store: opts.store, flushLogs, flushCounters: opts.flushCounters ?? flushLogs };
  projectRoutes(app, deps);
  mockRoutes(app, deps);
  responseRoutes(app, deps);
  logRoutes(app, deps);

  // Unknown paths under the management prefixes answer in the API's own error shape
  // (authenticated like the rest, so the API's surface is not probe-able without the token).
  for (const url of ['/projects/*', '/mocks', '/mocks/*']) {
    app.all(url, (req, reply) => sendNotFound(req, reply));
  }
}

export { managementNotFound } from './errors';
export type { ManagementDeps } from './deps';
