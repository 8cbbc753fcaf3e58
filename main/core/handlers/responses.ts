import type { Router } from './router';

export function registerResponseHandlers(router: Router): void {
  router
    .handle('responses.list', ({ mockId }, { core }) => core.catalog.responses.list(mockId))
    .handle('responses.create', ({ mockId, response }, { core }) => core.catalog.responses.create(mockId, response))
    .handle('responses.update', ({ mockId, id, patch }, { core }) => core.catalog.responses.update(mockId, id, patch))
    .handle('responses.delete', ({ mockId, id }, { core }) => {
      core.catalog.responses.delete(mockId, id);
      return { deleted: true as const };
    })
    .handle('responses.reorder', ({ mockId, order }, { core }) => core.catalog.responses.reorder(mockId, order));
}
