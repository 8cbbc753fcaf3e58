import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { aiPromptSchema, byokUpdateSchema } from '../../../../shared/models';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

/**
 * AI generation (mockbird-api.md §7) and the BYOK settings (mockforge-cloud-api.md §Settings,
 * plus base_url and model) on the local management API. Generation can take a minute: a
 * client that disconnects cancels the provider call.
 */
export function aiRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.post('/ai/generate/project', async (req, reply) => {
    const input = parseInput(aiPromptSchema, bodyOf(req));
    return { data: await call(req, 'ai.generateProject', input, { signal: cancelOnDisconnect(req, reply) }) };
  });

  app.post('/ai/generate/mock-data', async (req, reply) => {
    const input = parseInput(aiPromptSchema, bodyOf(req));
    return { data: await call(req, 'ai.generateMockData', input, { signal: cancelOnDisconnect(req, reply) }) };
  });

  // The cloud API answers the settings object itself (no `data` envelope): the same here.
  app.get('/settings/byok', (req) => call(req, 'ai.byok', undefined));
  app.put('/settings/byok', (req) => call(req, 'ai.setByok', parseInput(byokUpdateSchema, bodyOf(req))));
  app.delete('/settings/byok', (req) => call(req, 'ai.deleteByok', undefined));
}

/** Aborted when the client closes the connection before the answer is sent. */
function cancelOnDisconnect(req: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const onClose = (): void => {
    if (!reply.raw.writableFinished) controller.abort(new Error('the client disconnected'));
  };
  req.raw.socket.once('close', onClose);
  reply.raw.once('close', onClose);
  reply.raw.once('finish', () => req.raw.socket.off('close', onClose));
  return controller.signal;
}
