import type { FastifyInstance } from 'fastify';
import { toWireRequestLog } from '../../../../shared/wire/mockbird';
import type { ManagementDeps } from './deps';
import { parseLogQuery } from './query';

/** docs/reference/mockbird-api.md §6: newest first, paginated. */
export function logRoutes(app: FastifyInstance, { catalog, store, flushLogs }: ManagementDeps): void {
  app.get<{ Params: { id: string } }>('/mocks/:id/request-logs', async (req) => {
    const mock = catalog.mocks.require(req.params.id);
    const q = parseLogQuery(req.query);
    flushLogs();
    const page = store.logs.page({ mockId: mock.id, startDate: q.startDate, endDate: q.endDate }, q.page, q.limit);
    return { data: page.data.map(toWireRequestLog), pagination: page.pagination };
  });
}
