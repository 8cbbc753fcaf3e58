import type { Router } from './router';

export function registerMockHandlers(router: Router): void {
  router
    .handle('mocks.list', ({ projectId }, { core }) => core.catalog.mocks.list(projectId))
    .handle('mocks.get', ({ id }, { core }) => core.catalog.mocks.get(id))
    .handle('mocks.create', ({ projectId, mock }, { core }) => core.catalog.mocks.create(projectId, mock))
    .handle('mocks.update', ({ id, patch }, { core }) => core.catalog.mocks.update(id, patch))
    .handle('mocks.delete', ({ id }, { core }) => {
      core.catalog.mocks.delete(id);
      return { deleted: true as const };
    })
    .handle('mocks.duplicate', ({ id }, { core }) => core.catalog.mocks.duplicate(id));
}
