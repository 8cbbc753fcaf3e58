import { cloudFor } from '../cloud/registry';
import type { Router } from './router';

/** sync.* and deployments.* */
export function registerCloudSyncHandlers(router: Router): void {
  router
    .handle('sync.run', async (input, { core, signal }) => {
      const cloud = await cloudFor(core.catalog);
      const slug = input?.projectId ? core.catalog.projects.require(input.projectId).slug : undefined;
      return cloud.sync.run(slug ? { projectSlug: slug, signal } : { signal });
    })
    .handle('sync.status', async (_i, { core }) => (await cloudFor(core.catalog)).sync.status())
    .handle('sync.conflicts', async (input, { core }) => (await cloudFor(core.catalog)).conflicts(input?.projectId))
    .handle('sync.resolve', async ({ id, choice }, { core }) => (await cloudFor(core.catalog)).resolve(id, choice))
    .handle('deployments.deploy', async ({ projectId, timeoutMs }, { core, signal }) =>
      (await cloudFor(core.catalog)).deploy(projectId, timeoutMs ? { timeoutMs, signal } : { signal }),
    )
    .handle('deployments.list', async (input, { core }) =>
      (await cloudFor(core.catalog)).listDeployments({
        ...(input?.status ? { status: input.status } : {}),
        ...(input?.projectId ? { projectId: input.projectId } : {}),
      }),
    )
    .handle('deployments.get', async ({ id }, { core }) => (await cloudFor(core.catalog)).getDeployment(id))
    .handle('deployments.setStatus', async ({ id, status }, { core }) =>
      (await cloudFor(core.catalog)).setDeploymentStatus(id, status),
    )
    .handle('deployments.delete', async ({ id }, { core }) => (await cloudFor(core.catalog)).deleteDeployment(id))
    .handle('deployments.logs', async ({ id, level, limit }, { core }) =>
      (await cloudFor(core.catalog)).deploymentLogs(id, { ...(level ? { level } : {}), ...(limit ? { limit } : {}) }),
    )
    .handle('deployments.metrics', async ({ id, startTime, endTime }, { core }) =>
      (await cloudFor(core.catalog)).deploymentMetrics(id, {
        ...(startTime ? { startTime } : {}),
        ...(endTime ? { endTime } : {}),
      }),
    );
}
