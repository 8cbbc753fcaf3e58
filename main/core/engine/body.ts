import { isUtf8 } from 'node:buffer';
import { isJsonPath, queryJsonPath } from './json-path';
import type { FieldValue, ParsedBody, RequestView } from './types';

/**
 * Body conditions read a dotted path: `user.name`, `items.0.id` (array index). The body's
 * bytes are decoded as UTF-8, and JSON bodies parsed, once per request and only when a body
 * condition needs them; a body that is not valid JSON is not an error: its fields are simply
 * absent. A body that is not UTF-8 text (an image, a zip) has no fields at all.
 *
 * The field `$` is the whole body as text, whatever the content type; bytes that are not
 * UTF-8 read as U+FFFD there, so `$ contains "PNG"` still works on an image.
 */
export const RAW_BODY_FIELD = '$';

const RAW: ParsedBody = Object.freeze({ kind: 'raw' });

export function parseBody(text: string, contentType: string | undefined): ParsedBody {
  const ct = contentType?.toLowerCase() ?? '';
  if (ct.includes('application/x-www-form-urlencoded')) return { kind: 'form', value: new URLSearchParams(text) };
  if (ct.includes('json') || (ct === '' && looksLikeJson(text))) {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      return RAW;
    }
  }
  return RAW;
}

function looksLikeJson(s: string): boolean {
  const c = s.trimStart()[0];
  return c === '{' || c === '[';
}

/** The body as text, decoded on first use. */
export const bodyText = (view: RequestView): string => (view.text ??= view.req.rawBody.toString('utf8'));

export function readBodyField(view: RequestView, field: string): FieldValue {
  if (field === RAW_BODY_FIELD) return bodyText(view);
  const body = parsedBody(view);
  if (body.kind === 'json') return jsonPath(body.value, field);
  if (body.kind === 'form') return formField(body.value, field);
  return undefined;
}

const parsedBody = (view: RequestView): ParsedBody =>
  (view.parsed ??= isUtf8(view.req.rawBody)
    ? parseBody(bodyText(view), view.req.contentType ?? headerContentType(view))
    : RAW);

/**
 * A body field as a value, for the operators that look at JSON types (null, empty_array,
 * array_includes, valid_json_schema): the JSON value itself, not its text. `$` is the parsed
 * JSON body (its text when it is not JSON); a JSONPath field gives its match, or an array of
 * its matches (json-path.ts); a form field its text.
 */
export function readBodyValue(view: RequestView, field: string): unknown {
  const body = parsedBody(view);
  if (field === RAW_BODY_FIELD) return body.kind === 'json' ? body.value : bodyText(view);
  if (body.kind === 'json') return isJsonPath(field) ? queryJsonPath(body.value, field) : valueAt(body.value, field);
  if (body.kind === 'form') return formField(body.value, field);
  return undefined;
}

/** A body field as text through a JSONPath (several matches: each one's text). */
export function readBodyPath(view: RequestView, field: string): FieldValue {
  const body = parsedBody(view);
  return body.kind === 'json' ? textOf(queryJsonPath(body.value, field), true) : undefined;
}

/** The value at a dotted path (`user.name`, `items.0.id`), or undefined; '' is the root itself. */
export function valueAt(root: unknown, path: string): unknown {
  return path === '' ? root : walk(root, path);
}

/** Follows the dotted path's keys through own properties and array indexes; undefined when one is missing. */
function walk(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(key)) return undefined;
      cur = cur[Number(key)];
    } else {
      if (!Object.hasOwn(cur, key)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

/**
 * A value as the text string operators compare: scalars as their text, objects as JSON.
 * `spread`: an array (several JSONPath matches) gives each element's text, so a condition
 * matches when any one does.
 */
export function textOf(v: unknown, spread = false): FieldValue {
  if (v === undefined) return undefined;
  if (spread && Array.isArray(v)) return v.map((e) => stringify(e));
  return stringify(v);
}

function headerContentType(view: RequestView): string | undefined {
  const v = view.req.headers['content-type'];
  return Array.isArray(v) ? v[0] : v;
}

export function jsonPath(root: unknown, path: string): FieldValue {
  const v = walk(root, path);
  return v === undefined ? undefined : stringify(v);
}

/** Scalars as their text; objects and arrays as JSON so `contains` can look inside them. */
function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    // JSON.parse reads any depth, but JSON.stringify recurses and overflows the stack a few
    // thousand levels down: a client's deeply nested field is serialised without recursion.
    return stringifyDeep(v);
  }
}

/**
 * JSON.stringify's output for a value JSON.parse made (objects, arrays, strings, numbers,
 * booleans, null), with an explicit stack instead of recursion, so any depth fits.
 */
export function stringifyDeep(root: unknown): string {
  const out: string[] = [];
  // Each frame: a container, its keys (null for an array), and the next index to write.
  const stack: { value: object; keys: string[] | null; i: number }[] = [];
  const open = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v));
    } else if (Array.isArray(v)) {
      out.push('[');
      stack.push({ value: v, keys: null, i: 0 });
    } else {
      out.push('{');
      stack.push({ value: v, keys: Object.keys(v), i: 0 });
    }
  };
  open(root);
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const size = top.keys === null ? (top.value as unknown[]).length : top.keys.length;
    if (top.i === size) {
      out.push(top.keys === null ? ']' : '}');
      stack.pop();
      continue;
    }
    const i = top.i++;
    if (i > 0) out.push(',');
    if (top.keys === null) {
      open((top.value as unknown[])[i]);
    } else {
      const key = top.keys[i]!;
      out.push(JSON.stringify(key), ':');
      open((top.value as Record<string, unknown>)[key]);
    }
  }
  return out.join('');
}

/**
 * Form fields: the key as written (`user.name`), else its bracket spelling (`user[name]`,
 * `items[0][id]`), which is how browsers and qs-style encoders nest form data.
 */
function formField(form: URLSearchParams, field: string): FieldValue {
  let values = form.getAll(field);
  if (values.length === 0 && field.includes('.')) {
    const [head, ...rest] = field.split('.');
    values = form.getAll(`${head}${rest.map((k) => `[${k}]`).join('')}`);
  }
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}
