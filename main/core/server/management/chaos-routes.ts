import type { FastifyInstance } from 'fastify';
import type { ServerState } from '../../../../shared/ipc/contract';
import { chaosSwitchSchema } from '../../../../shared/models';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

/** The wire view of the kill switch: on or off, and how many mocks and projects have a chaos setting. */
const chaosView = (state: ServerState) => ({ enabled: state.chaos.enabled, settings: state.chaos.settings });

/**
 * The chaos kill switch of the running server (docs/chaos.md): MockDeck's addition to the
 * MockBird API, so `mockdeck chaos off --url …` (or any script) can switch a server that is
 * already serving. The same use case as the app's toggle and the CLI (`chaos.setEnabled`).
 */
export function chaosRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.get('/chaos', async (req) => ({ data: chaosView(await call(req, 'server.status', undefined)) }));

  app.put('/chaos', async (req) => {
    const input = parseInput(chaosSwitchSchema, bodyOf(req));
    return { data: chaosView(await call(req, 'chaos.setEnabled', input)) };
  });
}
