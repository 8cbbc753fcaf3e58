import { compileSafeRegex, type SafeRegex } from '../regex';
import type { RequestView } from '../types';
import { readPath } from './paths';

/**
 * GET on a CRUD route's collection, as Mockoon answers it: `search` (full text, any field),
 * filters `<field>_<op>=value` (eq, ne, gt, gte, lt, lte, like, start, end; the field may be a
 * dotted path), `sort` and `order` (asc, desc; strings compare case-insensitively), then
 * `page` (from 1) and `limit` (10 by default) once either is given. X-Total-Count counts
 * the bucket, X-Filtered-Count what search and filters kept.
 */

type Query = Record<string, string | string[]>;

const FILTER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'like', 'start', 'end'] as const;
type FilterOp = (typeof FILTER_OPS)[number];
const FILTER_KEY = new RegExp(`^(.+)_(${FILTER_OPS.join('|')})$`);

interface Filter {
  path: string;
  test: (data: unknown) => boolean;
}

export interface ListResult {
  items: unknown[];
  total: number;
  filtered: number;
}

/** A query parameter's first value (a repeated one counts once, like Express's string check). */
const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const isNum = (v: unknown): boolean =>
  typeof v === 'number' ? !Number.isNaN(v) : !Number.isNaN(parseFloat(String(v)));

export function listItems(all: readonly unknown[], query: Query, view: RequestView): ListResult {
  let items: unknown[] = all as unknown[];
  const search = first(query.search);
  if (search) {
    const needle = search.toLowerCase();
    items = items.filter((item) => containsText(item, needle));
  }
  const filters = parseFilters(query, view);
  if (filters.length > 0) items = items.filter((item) => filters.every((f) => f.test(readPath(item, f.path))));
  const filtered = items.length;
  const sort = first(query.sort);
  if (sort) {
    const desc = first(query.order) === 'desc';
    items = [...items].sort((a, b) => compare(sortValue(a, sort), sortValue(b, sort), desc));
  }
  const limitText = first(query.limit);
  const pageText = first(query.page);
  if (limitText !== undefined || pageText !== undefined) {
    const limit = positiveInt(limitText) ?? 10;
    const page = positiveInt(pageText) ?? 1;
    items = items.slice((page - 1) * limit, page * limit);
  }
  return { items, total: all.length, filtered };
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function parseFilters(query: Query, view: RequestView): Filter[] {
  const filters: Filter[] = [];
  for (const key of Object.keys(query)) {
    const m = FILTER_KEY.exec(key);
    const value = first(query[key]);
    if (!m || value === undefined) continue;
    filters.push({ path: m[1]!, test: filterTest(m[2] as FilterOp, value, view) });
  }
  return filters;
}

function filterTest(op: FilterOp, q: string, view: RequestView): (data: unknown) => boolean {
  switch (op) {
    case 'eq':
      return (d) => String(d) === q || (isNum(d) && isNum(q) && Number(d) === Number(q));
    case 'ne':
      return (d) => String(d) !== q && (!isNum(d) || !isNum(q) || Number(d) !== Number(q));
    case 'gt':
      return (d) => loose(d, q) > 0;
    case 'gte':
      return (d) => loose(d, q) >= 0;
    case 'lt':
      return (d) => loose(d, q) < 0;
    case 'lte':
      return (d) => loose(d, q) <= 0;
    case 'like':
      return regexTest(q, view);
    case 'start':
      return regexTest(`^(?:${q})`, view);
    case 'end':
      return regexTest(`(?:${q})$`, view);
  }
}

/**
 * Mockoon compares `data > query` with JavaScript's loose rules: numbers against a numeric
 * query compare as numbers, anything else as strings. NaN when they do not compare.
 */
function loose(d: unknown, q: string): number {
  if (typeof d === 'number') {
    const n = Number(q);
    return Number.isNaN(n) ? NaN : d - n;
  }
  if (d === undefined || d === null) return NaN;
  const s = String(d);
  return s < q ? -1 : s > q ? 1 : 0;
}

/**
 * Mockoon builds these as JavaScript regexes (case-insensitive); here they run on re2js so
 * a query cannot hang the server, under the request's regex budget. A pattern re2js refuses
 * matches nothing.
 */
function regexTest(pattern: string, view: RequestView): (data: unknown) => boolean {
  let re: SafeRegex;
  try {
    re = compileSafeRegex(`(?i)${pattern}`);
  } catch {
    return () => false;
  }
  return (d) => re.test(String(d), view);
}

/** Full-text search: any string, number or boolean in the item (at any depth) contains the text. */
function containsText(item: unknown, needle: string): boolean {
  const stack: unknown[] = [item];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === 'object') {
      for (const child of Object.values(v)) stack.push(child);
    } else if (v !== undefined && v !== null && String(v).toLowerCase().includes(needle)) {
      return true;
    }
  }
  return false;
}

function sortValue(item: unknown, field: string): unknown {
  const v = item !== null && typeof item === 'object' ? readPath(item, field) : item;
  return typeof v === 'string' ? v.toLowerCase() : v;
}

function compare(a: unknown, b: unknown, desc: boolean): number {
  // Mockoon's comparator: `<` then `>`, else equal (so undefined and mixed types keep their order).
  const lt = (a as number) < (b as number);
  const gt = (a as number) > (b as number);
  if (lt) return desc ? 1 : -1;
  if (gt) return desc ? -1 : 1;
  return 0;
}
