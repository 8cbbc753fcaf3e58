import type { FastifyInstance } from 'fastify';
import { toWireRequestLog } from '../../../../shared/wire/mockbird';
import { AppError } from '../../util/errors';
import type { ManagementDeps } from './deps';
import { parseLogQuery, type LogQuery } from './query';

/** docs/reference/mockbird-api.md §6: newest first, paginated. */
export function logRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.get<{ Params: { id: string } }>('/mocks/:id/request-logs', async (req) => {
    const mockId = req.params.id;
    let q: LogQuery;
    try {
      q = parseLogQuery(req.query);
    } catch (e) {
      // An unknown mock is reported before a bad query, as it always was.
      if (e instanceof AppError) await call(req, 'requestLogs.page', { mockId, limit: 1 });
      throw e;
    }
    const page = await call(req, 'requestLogs.page', {
      mockId,
      page: q.page,
      limit: q.limit,
      ...(q.startDate ? { startDate: q.startDate } : {}),
      ...(q.endDate ? { endDate: q.endDate } : {}),
    });
    return { data: page.data.map(toWireRequestLog), pagination: page.pagination };
  });
}
