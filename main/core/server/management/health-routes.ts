import type { FastifyInstance } from 'fastify';

export interface HealthOptions {
  version: string;
  /** False while the server drains for a stop: a load balancer should send no new requests. */
  ready: () => boolean;
  /** Each check names a dependency and throws when it is unusable. */
  checks: Readonly<Record<string, () => void>>;
}

/**
 * mockforge-cloud-api.md §Health & Status, served without a token: load balancers,
 * Docker's HEALTHCHECK and Kubernetes probes call them and hold no secret. They reveal the
 * version and whether MockDeck is up — nothing about projects.
 */
export async function healthRoutes(app: FastifyInstance, opts: HealthOptions): Promise<void> {
  app.get('/health', async () => ({ status: 'ok', version: opts.version }));
  app.get('/health/live', async () => ({ status: 'alive' }));
  app.get('/health/ready', async (_req, reply) => {
    if (opts.ready()) return { status: 'ready' };
    return reply.code(503).send({ status: 'not_ready', reason: 'the server is shutting down' });
  });
  app.get('/health/detailed', async (_req, reply) => {
    const checks: Record<string, string> = {};
    let ok = true;
    for (const [name, check] of Object.entries(opts.checks)) {
      try {
        check();
        checks[name] = 'ok';
      } catch (e) {
        ok = false;
        checks[name] = `error: ${(e as Error).message}`;
      }
    }
    return reply
      .code(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'degraded', version: opts.version, timestamp: new Date().toISOString(), checks });
  });
}
