import type { Router } from './router';

export function registerBucketHandlers(router: Router): void {
  router
    .handle('buckets.list', ({ projectId }, { core }) => core.catalog.buckets.list(projectId))
    .handle('buckets.get', ({ id }, { core }) => core.catalog.buckets.get(id))
    .handle('buckets.create', ({ projectId, bucket }, { core }) => core.catalog.buckets.create(projectId, bucket))
    .handle('buckets.update', ({ id, patch }, { core }) => core.catalog.buckets.update(id, patch))
    .handle('buckets.delete', ({ id }, { core }) => {
      core.catalog.buckets.delete(id);
      return { deleted: true as const };
    })
    .handle('buckets.reset', ({ id }, { core }) => core.catalog.buckets.reset(id));
}
