import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { detailedHealth, systemStatus } from '../account/service-status';

export const SERVER_VERSION = '1.0.0';

/** Health probes are public and never subject to faults (they are outside /api/v1 or read-only status). */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/health', async () => ({ status: 'ok', version: SERVER_VERSION }));
  // Both reflect the service states tests set (POST /__control/service-status, handle.services).
  app.get('/health/detailed', async () => detailedHealth(ctx, SERVER_VERSION));
  app.get('/health/live', async () => ({ status: 'alive' }));
  app.get('/health/ready', async () => ({ status: 'ready' }));
  app.get('/api/v1/status', async () => systemStatus(ctx));
}
