import { readPath, writePath } from './paths';

/**
 * What a CRUD route does to its bucket, by method and whether the path named an item
 * (Mockoon's crud.ts semantics). Each operation reads the current value and says what to
 * answer and, when it changes the bucket, its next value. Items of an array bucket are found
 * by their key field (a dotted path, compared as text), or by index in an array of
 * primitives; a bucket that is not an array is the one item every keyed route works on.
 */
export type CrudAction =
  'list' | 'get' | 'create' | 'replaceAll' | 'replace' | 'mergeAll' | 'merge' | 'clear' | 'delete';

export interface CrudOutcome {
  status: number;
  /** The JSON value answered; undefined for an empty body. */
  body: unknown;
  /**
   * Set when the bucket changes: its next value, a new array or object (the current one is
   * never changed in place, so a refused write leaves it as it was), and for an item
   * operation the item before and after (the caller sizes the change from them).
   */
  next?: { value: unknown; itemBefore?: unknown; itemAfter?: unknown };
  /** No item has the key: the route answers 404. */
  missing?: true;
}

export function actionFor(method: string, keyed: boolean): CrudAction | undefined {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return keyed ? 'get' : 'list';
    case 'POST':
      return keyed ? undefined : 'create';
    case 'PUT':
      return keyed ? 'replace' : 'replaceAll';
    case 'PATCH':
      return keyed ? 'merge' : 'mergeAll';
    case 'DELETE':
      return keyed ? 'delete' : 'clear';
    default:
      return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function findIndex(items: readonly unknown[], key: string, crudKey: string): number {
  return items.findIndex((item, index) => {
    if (isRecord(item)) {
      const v = readPath(item, crudKey);
      return v !== undefined && v !== null && String(v) === key;
    }
    const n = parseInt(key, 10);
    return (Number.isNaN(n) ? 0 : n) === index;
  });
}

/** Mockoon's new key: the highest numeric key + 1, else a UUID. */
export function nextKey(items: readonly unknown[], crudKey: string): number | string {
  let highest: number | null = null;
  for (const item of items) {
    const v = readPath(item, crudKey);
    if (typeof v === 'number' && (highest === null || v > highest)) highest = v;
  }
  return highest !== null ? highest + 1 : globalThis.crypto.randomUUID();
}

/** `body` is the parsed request body ({} when it had none). */
export function runCrud(
  action: Exclude<CrudAction, 'list'>,
  value: unknown,
  key: string,
  crudKey: string,
  body: unknown,
): CrudOutcome {
  const items = Array.isArray(value) ? (value as unknown[]) : null;
  switch (action) {
    case 'get': {
      if (!items) return { status: 200, body: value };
      const i = findIndex(items, key, crudKey);
      return i < 0 ? { status: 404, body: undefined, missing: true } : { status: 200, body: items[i] };
    }
    case 'create': {
      if (!items) return { status: 201, body, next: { value: body } };
      if (isObject(body) && readPath(body, crudKey) === undefined) writePath(body, crudKey, nextKey(items, crudKey));
      return { status: 201, body, next: { value: [...items, body], itemAfter: body } };
    }
    case 'replaceAll':
      return { status: 200, body, next: { value: body } };
    case 'replace': {
      if (!items) return { status: 200, body, next: { value: body } };
      const i = findIndex(items, key, crudKey);
      if (i < 0) return { status: 404, body: undefined, missing: true };
      const before = items[i];
      let after: unknown = body;
      if (isRecord(before)) {
        const replaced: Record<string, unknown> = isObject(body) ? { ...body } : {};
        // The key stays when the new item leaves it out.
        if (readPath(replaced, crudKey) === undefined) writePath(replaced, crudKey, readPath(before, crudKey));
        after = replaced;
      }
      return {
        status: 200,
        body: after,
        next: { value: replaceAt(items, i, after), itemBefore: before, itemAfter: after },
      };
    }
    case 'mergeAll': {
      if (items && Array.isArray(body)) {
        const merged = items.concat(body as unknown[]);
        return { status: 200, body: merged, next: { value: merged } };
      }
      const merged = isRecord(value) ? { ...value, ...(isObject(body) ? body : {}) } : body;
      return { status: 200, body: merged, next: { value: merged } };
    }
    case 'merge': {
      if (!items) {
        const merged = isRecord(value) ? { ...value, ...(isObject(body) ? body : {}) } : body;
        return { status: 200, body: merged, next: { value: merged } };
      }
      const i = findIndex(items, key, crudKey);
      if (i < 0) return { status: 404, body: undefined, missing: true };
      const before = items[i];
      const after = isRecord(before) ? { ...before, ...(isObject(body) ? body : {}) } : body;
      return {
        status: 200,
        body: after,
        next: { value: replaceAt(items, i, after), itemBefore: before, itemAfter: after },
      };
    }
    case 'clear':
      // Mockoon empties the bucket (undefined); stored as JSON, that is null.
      return { status: 200, body: undefined, next: { value: null } };
    case 'delete': {
      if (!items) return { status: 200, body: undefined, next: { value: null } };
      const i = findIndex(items, key, crudKey);
      if (i < 0) return { status: 404, body: undefined, missing: true };
      const rest = items.slice();
      const [before] = rest.splice(i, 1);
      return { status: 200, body: undefined, next: { value: rest, itemBefore: before } };
    }
  }
}

function replaceAt(items: readonly unknown[], i: number, item: unknown): unknown[] {
  const copy = items.slice();
  copy[i] = item;
  return copy;
}
