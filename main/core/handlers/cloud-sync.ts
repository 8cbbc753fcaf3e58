import type { Router } from './router';

/** sync.* and deployments.* */
export function registerCloudSyncHandlers(router: Router): void {
  router
    .handle('sync.run', async (input, { core, signal }) => {
      const cloud = await core.cloud();
      const slug = input?.projectId ? core.catalog.projects.require(input.projectId).slug : undefined;
      return cloud.sync.run(slug ? { projectSlug: slug, signal } : { signal });
    })
    .handle('sync.status', async (_i, { core }) => (await core.cloud()).sync.status())
    .handle('sync.conflicts', async (input, { core }) => (await core.cloud()).conflicts(input?.projectId))
    .handle('sync.resolve', async ({ id, choice }, { core }) => (await core.cloud()).resolve(id, choice))
    .handle('deployments.deploy', async ({ projectId, timeoutMs }, { core, signal }) =>
      (await core.cloud()).deploy(projectId, timeoutMs ? { timeoutMs, signal } : { signal }),
    )
    .handle('deployments.list', async (input, { core }) =>
      (await core.cloud()).listDeployments({
        ...(input?.status ? { status: input.status } : {}),
        ...(input?.projectId ? { projectId: input.projectId } : {}),
      }),
    )
    .handle('deployments.get', async ({ id }, { core }) => (await core.cloud()).getDeployment(id))
    .handle('deployments.setStatus', async ({ id, status }, { core }) =>
      (await core.cloud()).setDeploymentStatus(id, status),
    )
    .handle('deployments.delete', async ({ id }, { core }) => (await core.cloud()).deleteDeployment(id))
    .handle('deployments.logs', async ({ id, level, limit }, { core }) =>
      (await core.cloud()).deploymentLogs(id, { ...(level ? { level } : {}), ...(limit ? { limit } : {}) }),
    )
    .handle('deployments.metrics', async ({ id, startTime, endTime }, { core }) =>
      (await core.cloud()).deploymentMetrics(id, {
        ...(startTime ? { startTime } : {}),
        ...(endTime ? { endTime } : {}),
      }),
    );
}
