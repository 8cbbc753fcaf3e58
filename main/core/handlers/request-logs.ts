import { createMockFromLog } from '../catalog/mock-from-request';
import { exportLogChunk } from '../transfer/log-export';
import { pageRequestLogs } from '../store/request-log-query';
import { searchRequestLogs } from '../store/request-log-search';
import type { LogRetentionState } from '../../../shared/models';
import { LOG_RETENTION_SETTING } from '../store/settings-repo';
import { notFound } from '../util/errors';
import type { HandlerContext } from './context';
import type { Router } from './router';

/**
 * Request logs are written in batches, so a row the UI was just told about may still be
 * queued: reads first write what is queued and wait for it without blocking this thread (settleLogs):
 * under load that wait is the writer's, not the requests being served meanwhile.
 */
export function registerRequestLogHandlers(router: Router): void {
  router
    .handle('requestLogs.list', async ({ limit, offset, before, ...filter }, { core }) => {
      core.catalog.projects.require(filter.projectId);
      await core.server.settleLogs();
      return searchRequestLogs(core.store, filter, { limit, offset, before });
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
    .handle('requestLogs.export', async ({ format, after, limit, ...filter }, { core, app }) => {
      core.catalog.projects.require(filter.projectId);
      if (after === undefined) await core.server.settleLogs();
      return exportLogChunk(core.store, filter, format, after, limit, { name: 'MockDeck', version: app.version });
    })
    .handle('requestLogs.createMock', async ({ id, name }, { core }) => {
      let log = core.store.logs.get(id);
      if (!log) {
        await core.server.settleLogs();
        log = core.store.logs.get(id);
      }
      if (!log) throw notFound('Request log', id);
      return createMockFromLog(core.catalog.mocks, core.catalog.responses, log, name);
    })
    .handle('requestLogs.retention', async ({ projectId }, { core }) => retentionState(core, projectId))
    .handle('requestLogs.setDefaultRetention', async ({ rows }, { core }) => {
      core.store.settings.set(LOG_RETENTION_SETTING, String(rows));
      core.server.setDefaultRetention(rows);
      return retentionState(core, undefined);
    })
    .handle('requestLogs.clear', async ({ projectId }, { core }) => {
      core.catalog.projects.require(projectId);
      // Flush first, or rows still queued would reappear right after the clear.
      await core.server.settleLogs();
      core.store.logs.clearProject(projectId);
      return { cleared: true as const };
    });
}

async function retentionState(core: HandlerContext['core'], projectId: string | undefined): Promise<LogRetentionState> {
  const defaultRetention = core.server.getDefaultRetention();
  if (projectId === undefined) return { defaultRetention };
  const p = core.catalog.projects.require(projectId);
  await core.server.settleLogs();
  return {
    defaultRetention,
    projectRetention: p.logRetention,
    effective: p.logRetention ?? defaultRetention,
    rows: core.store.logs.rowCount(projectId),
  };
}
