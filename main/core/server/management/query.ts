import { z } from 'zod';
import { MAX_LOG_PAGE } from '../../../../shared/ipc/contract';
import { parseInput } from '../../util/errors';

/** Query strings arrive as strings (or arrays when a key repeats); these schemas say which. */
const one = (name: string) => z.string({ message: `${name} must be given once, as a single value` });

const positiveInt = (name: string, dflt: number, max = Number.MAX_SAFE_INTEGER) =>
  one(name)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? 'of 1 or more' : `from 1 to ${max}`;
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number ${range}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

// ISO 8601 date or date-time, as the spec's example `2026-02-01T00:00:00Z`.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const isoDate = (name: string) =>
  one(name)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const t = Date.parse(v);
      if (!ISO_8601.test(v.trim()) || Number.isNaN(t)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an ISO 8601 date, e.g. 2026-02-01T00:00:00Z, got "${v}"`,
        });
        return z.NEVER;
      }
      return new Date(t).toISOString();
    });

export const MAX_LOG_LIMIT = 100;

const logQuerySchema = z.object({
  // The spec sets no last page: a page past the end is empty, one past MAX_LOG_PAGE a 400
  // (clamping it would answer for a page other than the one asked, and say so in pagination.page).
  page: positiveInt('page', 1, MAX_LOG_PAGE),
  // The spec caps limit at 100: larger values are served as 100 (pagination.limit says so).
  limit: positiveInt('limit', 50).transform((n) => Math.min(n, MAX_LOG_LIMIT)),
  startDate: isoDate('startDate'),
  endDate: isoDate('endDate'),
});

export type LogQuery = z.output<typeof logQuerySchema>;

export function parseLogQuery(query: unknown): LogQuery {
  return parseInput(logQuerySchema, query ?? {});
}

const searchSchema = z.object({ search: one('search').optional() });

export function parseSearch(query: unknown): string | undefined {
  return parseInput(searchSchema, query ?? {}).search;
}
