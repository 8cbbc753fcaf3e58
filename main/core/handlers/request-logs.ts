import { pageRequestLogs } from '../store/request-log-query';
import { searchRequestLogs } from '../store/request-log-search';
import { notFound } from '../util/errors';
import type { Router } from './router';

/**
 * Request logs are written in batches, so a row the UI was just told about may still be
 * queued: reads flush the queue first (cheap when it is empty) to show what was pushed.
 */
export function registerRequestLogHandlers(router: Router): void {
  router
    .handle('requestLogs.list', ({ limit, offset, ...filter }, { core }) => {
      core.catalog.projects.require(filter.projectId);
      core.server.flushLogs();
      return searchRequestLogs(core.store, filter, limit, offset);
    })
    .handle('requestLogs.page', ({ page, limit, ...filter }, { core }) => {
      if (filter.mockId) core.catalog.mocks.require(filter.mockId);
      if (filter.projectId) core.catalog.projects.require(filter.projectId);
      core.server.flushLogs();
      return pageRequestLogs(core.store.logsDb, filter, page, limit);
    })
    .handle('requestLogs.get', ({ id }, { core }) => {
      let log = core.store.logs.get(id);
      if (!log) {
        core.server.flushLogs();
        log = core.store.logs.get(id);
      }
      if (!log) throw notFound('Request log', id);
      return log;
    })
    .handle('requestLogs.clear', ({ projectId }, { core }) => {
      core.catalog.projects.require(projectId);
      // Flush first, or rows still queued would reappear right after the clear.
      core.server.flushLogs();
      core.store.logs.clearProject(projectId);
      return { cleared: true as const };
    });
}
