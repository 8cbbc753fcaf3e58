import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { nowIso } from '../context';

export const SERVER_VERSION = '1.0.0';

/** Health probes are public and never subject to faults (they are outside /api/v1 or read-only status). */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/health', async () => ({ status: 'ok', version: SERVER_VERSION }));
  app.get('/health/detailed', async () => ({
    status: 'ok',
    version: SERVER_VERSION,
    timestamp: nowIso(ctx),
    checks: { database: 'ok', redis: 'ok', storage: 'ok' },
  }));
  app.get('/health/live', async () => ({ status: 'alive' }));
  app.get('/health/ready', async () => ({ status: 'ready' }));
  app.get('/api/v1/status', async () => ({
    overall: 'operational',
    services: ['Database', 'Redis', 'Object Storage', 'API Service'].map((name) => ({
      name,
      status: 'operational',
      message: null,
    })),
    timestamp: nowIso(ctx),
  }));
}
