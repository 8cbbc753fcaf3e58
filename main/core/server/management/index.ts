import type { FastifyInstance } from 'fastify';
import type { ContractCaller } from '../../../../shared/ipc/contract';
import { consoleLogger, type Logger } from '../../util/logger';
import { aiRoutes } from './ai-routes';
import { bearerAuth } from './auth';
import { bucketRoutes } from './bucket-routes';
import { chaosRoutes } from './chaos-routes';
import { installJsonBodyParser } from './body';
import { restCalls } from './call';
import { managementErrorHandler, managementNotFound, REQUEST_ID_HEADER, sendNotFound } from './errors';
import { federationRoutes } from './federation-routes';
import { importRoutes } from './import-routes';
import { logRoutes } from './log-routes';
import { mcpRoute, type McpRouteOptions } from './mcp-route';
import { mockOpsNotFound, useMockOpsErrors } from './mockops-errors';
import { mockRoutes } from './mock-routes';
import { pipelineRoutes } from './pipeline-routes';
import { projectRoutes } from './project-routes';
import { responseRoutes } from './response-routes';

export interface ManagementOptions {
  /** The use-case layer (the app's router): every route is a call on it over the 'rest' transport. */
  api: ContractCaller;
  /** The Bearer token every route requires (see resolveApiToken). */
  token: string;
  /** Where the token file lives, for the 401 hint; null when it comes from the environment. */
  dataDir: string | null;
  /** Unexpected failures go here, secrets masked, under the request's id. */
  logger?: Logger;
  /** MCP over Streamable HTTP at /mcp (behind the same token); absent: no /mcp. */
  mcp?: McpRouteOptions;
}

/**
 * The MockBird-compatible management REST API (docs/reference/mockbird-api.md §3–6) as a fastify plugin.
 * Register it WITHOUT fastify-plugin: its body parser, auth hook and error handler then
 * stay inside this encapsulation context and never touch the public /m/ routes.
 */
export async function managementApi(app: FastifyInstance, opts: ManagementOptions): Promise<void> {
  installJsonBodyParser(app);
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  app.addHook('onRequest', bearerAuth(opts.token, opts.dataDir));
  app.setErrorHandler(managementErrorHandler(opts.logger ?? consoleLogger));

  const deps = restCalls(opts.api);
  projectRoutes(app, deps);
  importRoutes(app, deps);
  mockRoutes(app, deps);
  responseRoutes(app, deps);
  logRoutes(app, deps);
  bucketRoutes(app, deps);
  chaosRoutes(app, deps);
  if (opts.mcp) mcpRoute(app, opts.mcp);
  aiRoutes(app, deps);
  // Its own context: mockops' error shape, not MockBird's.
  await app.register(pipelineRoutes, { deps, logger: opts.logger ?? consoleLogger });

  // mockops-api.md's routes (federations; pipelines join here) answer errors in that
  // document's shape, so they live in a child context with its own error handler.
  const logger = opts.logger ?? consoleLogger;
  await app.register(
    async (v1) => {
      useMockOpsErrors(v1, logger);
      federationRoutes(v1, deps);
      v1.all('/federation/*', mockOpsNotFound);
    },
    { prefix: '/api/v1' },
  );

  // Unknown paths under the management prefixes answer in the API's own error shape
  // (authenticated like the rest, so the API's surface is not probe-able without the token).
  for (const url of ['/projects/*', '/mocks', '/mocks/*', '/buckets', '/buckets/*', '/ai/*', '/settings/*']) {
    app.all(url, (req, reply) => sendNotFound(req, reply));
  }
}

export type { ManagementDeps } from './deps';

/** Mounts the management API on the main listener, with its not-found answer for every other path. */
export async function mountManagementApi(app: FastifyInstance, opts: ManagementOptions): Promise<void> {
  await app.register(managementApi, opts);
  app.setNotFoundHandler(managementNotFound);
}
