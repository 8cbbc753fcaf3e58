import { jsonDepth, MAX_BUCKET_BYTES, MAX_BUCKET_DEPTH, type Mock } from '../../../../shared/models';
import { ERROR_HEADERS } from '../cors';
import { answerError, errorBody } from '../errors';
import type { ResponseStage } from '../pipeline/stage';
import type { RouteTable } from '../router';
import type { CompiledMock, Exchange, StageStep } from '../types';
import { actionFor, runCrud, type CrudOutcome } from './operations';
import { listItems } from './query';

/**
 * Mockoon's CRUD routes: a mock of kind `crud` at /users answers GET/PUT/PATCH/DELETE on
 * /users and /users/<key>, and POST on /users, from its data bucket (read and written
 * through the project's runtime, x.runtime, which persists it). The stage gives a step only
 * to CRUD mocks, so other mocks pay nothing for it; select leaves CRUD mocks to it.
 */
export const CRUD_KEY_PARAM = '$crudKey';

/** Routes a CRUD mock answers: its path for the collection, `<path>/<key>` for one item. */
export function addCrudRoutes(routes: RouteTable, path: string, cm: CompiledMock): void {
  const base = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const item = `${base === '/' ? '' : base}/{${CRUD_KEY_PARAM}}`;
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
    routes.add(method, base, cm);
    routes.add(method, item, cm);
  }
  routes.add('POST', base, cm);
}

export const crudStage: ResponseStage = {
  name: 'crud',
  forMock: (cm) => (cm.mock.kind === 'crud' ? crudStep(cm.mock) : undefined),
};

const JSON_HEADERS = ERROR_HEADERS;
const WRITES = new Set(['create', 'replace', 'replaceAll', 'merge', 'mergeAll']);

/** Estimated JSON size of bucket values, so a write is sized by its item, not by serialising the whole bucket. */
const sizes = new WeakMap<object, number>();

function crudStep(mock: Mock): StageStep {
  const where = `CRUD mock "${mock.name}" (${mock.path})`;
  const noBucket = errorBody(
    'BUCKET_NOT_FOUND',
    mock.bucket === null
      ? `${where} has no data bucket: choose one in the mock`
      : `${where} works on data bucket "${mock.bucket}", which this project does not have: create it or choose another bucket`,
  );
  return (x) => {
    const bucket = mock.bucket;
    const value = bucket === null ? undefined : x.runtime.bucket(bucket);
    if (bucket === null || value === undefined) {
      answerError(x, 'BUCKET_NOT_FOUND', noBucket);
      return undefined;
    }
    const keyed = Object.hasOwn(x.params, CRUD_KEY_PARAM);
    const key = keyed ? x.params[CRUD_KEY_PARAM]! : '';
    const action = actionFor(x.method, keyed);
    if (action === undefined) {
      answer(x, 405, { error: 'METHOD_NOT_ALLOWED', message: `${where} does not answer ${x.method} here` });
      return undefined;
    }
    if (action === 'list') {
      if (!Array.isArray(value)) {
        answer(x, 200, value);
        return undefined;
      }
      const r = listItems(value, x.req.query, x);
      answer(x, 200, r.items, { 'x-total-count': String(r.total), 'x-filtered-count': String(r.filtered) });
      return undefined;
    }
    let body: unknown = {};
    if (WRITES.has(action)) {
      const parsed = requestJson(x);
      if (!parsed.ok) {
        answer(x, parsed.status, { error: parsed.error, message: parsed.message });
        return undefined;
      }
      body = parsed.value;
    }
    const out = runCrud(action, value, key, mock.crudKey, body);
    if (out.missing) {
      answer(x, 404, {
        error: 'NOT_FOUND',
        message: `data bucket "${bucket}" has no item whose ${mock.crudKey} is "${key}"`,
      });
      return undefined;
    }
    if (out.next) {
      const size = nextSize(value, out);
      if (size > MAX_BUCKET_BYTES) {
        answer(x, 413, {
          error: 'BUCKET_TOO_LARGE',
          message: `data bucket "${bucket}" would hold about ${size} bytes of JSON after this ${x.method}; a bucket holds at most ${MAX_BUCKET_BYTES}: delete items or reset it`,
        });
        return undefined;
      }
      x.runtime.setBucket(bucket, out.next.value);
      if (isObj(out.next.value)) sizes.set(out.next.value, size);
    }
    answer(x, out.status, out.body);
    return undefined;
  };
}

function answer(x: Exchange, status: number, body: unknown, extra?: Record<string, string>): void {
  x.status = status;
  x.headers = extra ? { ...JSON_HEADERS, ...extra } : JSON_HEADERS;
  x.body = body === undefined ? '' : JSON.stringify(body);
}

const isObj = (v: unknown): v is object => typeof v === 'object' && v !== null;
const bytes = (v: unknown): number => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8'));

function sizeOf(value: unknown): number {
  if (!isObj(value)) return bytes(value);
  let n = sizes.get(value);
  if (n === undefined) sizes.set(value, (n = bytes(value)));
  return n;
}

/** The bucket's size after `out`: from the item changed when there is one, else the whole new value. */
function nextSize(before: unknown, out: CrudOutcome): number {
  const next = out.next!;
  if (
    Array.isArray(before) &&
    Array.isArray(next.value) &&
    (next.itemBefore !== undefined || next.itemAfter !== undefined)
  ) {
    const comma = (v: unknown) => (v === undefined ? 0 : 1);
    return (
      sizeOf(before) - bytes(next.itemBefore) - comma(next.itemBefore) + bytes(next.itemAfter) + comma(next.itemAfter)
    );
  }
  return bytes(next.value);
}

type Parsed = { ok: true; value: unknown } | { ok: false; status: number; error: string; message: string };

function requestJson(x: Exchange): Parsed {
  const raw = x.req.rawBody;
  if (raw.length > MAX_BUCKET_BYTES) {
    return {
      ok: false,
      status: 413,
      error: 'BUCKET_TOO_LARGE',
      message: `the request body has ${raw.length} bytes; a data bucket holds at most ${MAX_BUCKET_BYTES}`,
    };
  }
  const text = (x.text ??= raw.toString('utf8')).trim();
  if (text === '') return { ok: true, value: {} };
  if (jsonDepth(text) > MAX_BUCKET_DEPTH) {
    return {
      ok: false,
      status: 400,
      error: 'INVALID_JSON',
      message: `the request body nests arrays and objects more than ${MAX_BUCKET_DEPTH} levels deep`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return {
      ok: false,
      status: 400,
      error: 'INVALID_JSON',
      message: `the request body is not valid JSON (${(e as Error).message}): send JSON, e.g. {"name": "Ada"}`,
    };
  }
}
