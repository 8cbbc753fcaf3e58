import type { Router } from './router';

/** pipelines.*: thin calls on the PipelineService (main/core/pipelines/service.ts). */
export function registerPipelineHandlers(router: Router): void {
  router
    .handle('pipelines.list', (input, { core }) => core.pipelines.list(input ?? {}))
    .handle('pipelines.get', ({ id }, { core }) => core.pipelines.get(id))
    .handle('pipelines.create', (input, { core }) => core.pipelines.create(input))
    .handle('pipelines.importYaml', ({ text, workspace_id }, { core }) => core.pipelines.importYaml(text, workspace_id))
    .handle('pipelines.update', ({ id, patch }, { core }) => core.pipelines.patch(id, patch))
    .handle('pipelines.delete', async ({ id }, { core }) => {
      await core.pipelines.delete(id);
      return { deleted: true as const };
    })
    .handle('pipelines.trigger', ({ id, event }, { core }) => core.pipelines.trigger(id, event ? { event } : {}))
    .handle('pipelines.stats', ({ id }, { core }) => core.pipelines.stats(id))
    .handle('pipelines.executions', (input, { core }) => core.pipelines.executions(input ?? {}))
    .handle('pipelines.execution', ({ id }, { core }) => core.pipelines.execution(id));
}
