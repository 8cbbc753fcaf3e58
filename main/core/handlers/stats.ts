import type { Router } from './router';

export function registerStatsHandlers(router: Router): void {
  router.handle('stats.project', async ({ projectId }, { core }) => {
    core.catalog.projects.require(projectId);
    await core.server.settleCounters();
    return core.store.logs.projectStats(
      projectId,
      core.store.mocks.listByProject(projectId),
      core.store.responses.listByProject(projectId),
    );
  });
}
