import type { Router } from './router';

export function registerStatsHandlers(router: Router): void {
  router.handle('stats.project', ({ projectId }, { core }) => {
    core.catalog.projects.require(projectId);
    core.server.flushCounters();
    return core.store.logs.projectStats(projectId, core.store.mocks.listByProject(projectId));
  });
}
