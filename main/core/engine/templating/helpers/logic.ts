import { fromSafe, params, toJson, type HelperFn } from './common';

function numeric(op: (a: number, b: number) => boolean): HelperFn {
  return (a, b) => {
    const x = Number(a);
    const y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? false : op(x, y);
  };
}

/** Handlebars' truthiness (its #if): empty arrays are false too. */
const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(fromSafe(v)));

/**
 * Comparisons (Mockoon's eq, gt, gte, lt, lte; and, or, not are MockDeck's, for
 * `{{#if (and (eq a b) (gt c 1))}}`), and values (len, stringify, jsonParse).
 */
export const logicHelpers: Record<string, HelperFn> = {
  eq(...args) {
    const p = params(args);
    return p.length < 2 ? false : fromSafe(p[0]) === fromSafe(p[1]);
  },
  gt: numeric((a, b) => a > b),
  gte: numeric((a, b) => a >= b),
  lt: numeric((a, b) => a < b),
  lte: numeric((a, b) => a <= b),
  and: (...args) => {
    const p = params(args);
    return p.length > 0 && p.every(truthy);
  },
  or: (...args) => params(args).some(truthy),
  not: (...args) => !truthy(params(args)[0]),
  array: (...args) => params(args),
  len: (v) => (typeof v !== 'string' && !Array.isArray(v) ? 0 : v.length),
  stringify(data, options) {
    if (!options) return undefined;
    if (data && typeof data === 'object') return toJson(fromSafe(data), 2);
    return data;
  },
  jsonParse(...args) {
    const p = params(args);
    if (p.length === 0) return undefined;
    const raw = fromSafe(p[0]);
    if (typeof raw !== 'string') return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  },
};
