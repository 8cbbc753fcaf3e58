import type { Router } from './router';

/** Federations of projects (docs/federation.md): the definitions service, for every transport. */
export function registerFederationHandlers(router: Router): void {
  router
    .handle('federation.list', (query, { core }) => core.federations.list(query ?? {}))
    .handle('federation.get', ({ id }, { core }) => core.federations.get(id))
    .handle('federation.create', (input, { core }) => core.federations.create(input))
    .handle('federation.update', ({ id, patch }, { core }) => core.federations.update(id, patch))
    .handle('federation.delete', ({ id }, { core }) => {
      core.federations.delete(id);
      return { deleted: true as const };
    })
    .handle('federation.route', ({ id, request }, { core }) => core.federations.route(id, request));
}
