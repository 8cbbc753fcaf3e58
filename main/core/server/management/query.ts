import { z } from 'zod';
import { parseInput } from '../../util/errors';

/** Query strings arrive as strings (or arrays when a key repeats); these schemas say which. */
const one = (name: string) => z.string({ message: `${name} must be given once, as a single value` });

const positiveInt = (name: string, dflt: number) =>
  one(name)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of 1 or more, got "${v}"` });
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
  page: positiveInt('page', 1),
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
