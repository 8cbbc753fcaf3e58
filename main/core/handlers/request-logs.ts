import { pageRequestLogs } from '../store/request-log-query';
import { searchRequestLogs } from '../store/request-log-search';
import { notFound } from '../util/errors';
import type { Router } from './router';

/**
 * Request logs are written in batches, so a row the UI was just told about may still be
 * queued: reads first write what is queued and wait for it without blocking this thread (settleLogs):
 * under load that wait is the writer's, not the requests being served meanwhile.
 */
export function registerRequestLogHandlers(router: Router): void {
  router
    .handle('requestLogs.list', async ({ limit, offset, ...filter }, { core }) => {
      core.catalog.projects.require(filter.projectId);
      await core.server.settleLogs();
      return searchRequestLogs(core.store, filter, limit, offset);
    })
    .handle('requestLogs.page', async ({ page, limit, ...filter }, { core }) => {
      if (filter.mockId) core.catalog.mocks.require(filter.mockId);
      if (filter.projectId) core.catalog.projects.require(filter.projectId);
      await core.server.settleLogs();
      return pageRequestLogs(core.store.logsDb, filter, page, limit);
    })
    .handle('requestLogs.get', async ({ id }, { core }) => {
      let log = core.store.logs.get(id);
      if (!log) {
        await core.server.settleLogs();
        log = core.store.logs.get(id);
      }
      if (!log) throw notFound('Request log', id);
      return log;
    })
    .handle('requestLogs.clear', async ({ projectId }, { core }) => {
      core.catalog.projects.require(projectId);
      // Flush first, or rows still queued would reappear right after the clear.
      await core.server.settleLogs();
      core.store.logs.clearProject(projectId);
      return { cleared: true as const };
    });
}
