import type { Condition, ConditionOperator } from '../../../shared/models';
import { readBodyField, readBodyPath, readBodyValue, stringifyDeep, textOf, valueAt } from './body';
import { isJsonPath, queryJsonPath } from './json-path';
import { compileJsonSchema } from '../util/json-schema';
import { compileSafeRegex, NEVER } from './regex';
import { SCENARIO_START_STATE } from './runtime';
import type { CompiledCondition, FieldValue, RequestView } from './types';

/**
 * How each operator treats the field it reads.
 *
 * - equals, contains, starts_with, ends_with, regex, gt, lt: true when the field is present
 *   and the test holds; a field that is absent never matches. A field with several values
 *   (a repeated query parameter or form field) matches when any one value does.
 * - not_equals, not_contains: the exact negation of equals/contains, so an ABSENT field
 *   MATCHES ("no x-role header" is indeed not equal to "admin"), and with several values
 *   none may equal/contain the value.
 * - exists / not_exists: whether the field is present at all; `value` is ignored. An empty
 *   value (`?q=`) is present.
 * - gt / lt compare numbers; a value that is not a number never matches.
 * - regex is an unanchored search (like RegExp#test) on a linear-time engine, over the first
 *   64 KiB of the value and within the request's regex work budget (regex.ts); use ^…$ to
 *   match the whole value.
 * - regex_i is regex ignoring case; `flags` (any of i, m, s) set re2js's flags for either.
 * - null: the field is absent, or JSON null (body, global variable, data bucket).
 * - empty_array: the field is a JSON array with no elements.
 * - array_includes: the field is an array (JSON, or a repeated query parameter or header)
 *   one element of which equals `value` (numbers and booleans by their text).
 * - valid_json_schema: the field's value (the JSON value, or the text of a header, query…)
 *   is valid against the JSON schema in `value` (compiled once, json-schema.ts); absent never is.
 * - invert: the condition's result is negated, whatever the operator, absent fields included.
 * Comparisons are case-sensitive; header NAMES are not.
 */
type Test = (value: string, view?: RequestView) => boolean;

/** Per mock state a condition may read: the mock's call count (request_number). */
export interface ConditionContext {
  readonly calls: { n: number };
}

/** Operators that look at JSON values rather than text. */
const VALUE_OPERATORS: ReadonlySet<ConditionOperator> = new Set([
  'null',
  'empty_array',
  'array_includes',
  'valid_json_schema',
]);

export function compileCondition(c: Condition, ctx?: ConditionContext): CompiledCondition {
  const test = tester(c.operator, c.value, c.flags);
  const read = VALUE_OPERATORS.has(c.operator) ? valueReader(c, ctx) : reader(c, ctx);
  return { source: c, read, test: c.invert === true ? (a, view) => !test(a, view) : test };
}

function reader(c: Condition, ctx: ConditionContext | undefined): (view: RequestView) => FieldValue {
  const field = c.field;
  switch (c.type) {
    case 'header': {
      const name = field.toLowerCase();
      return inherited(name) ? (v) => readOwnHeader(v.req.headers, name) : (v) => readHeader(v.req.headers, name);
    }
    case 'query':
      return inherited(field) ? (v) => ownValue(v.req.query, field) : (v) => v.req.query[field];
    case 'path':
      return inherited(field) ? (v) => ownValue(v.params, field) : (v) => v.params[field];
    case 'body':
      return isJsonPath(field) ? (v) => readBodyPath(v, field) : (v) => readBodyField(v, field);
    case 'cookie':
      return (v) => readCookie(v, field);
    case 'method':
      return (v) => v.req.method.toUpperCase();
    case 'request_number':
      return () => String(ctx?.calls.n ?? 0);
    case 'scenario':
      return (v) => scenarioState(v, field);
    case 'global_var': {
      const ref = splitRef(field);
      return (v) => textOf(ref.read(v.runtime?.globals.get(ref.name)), ref.jsonPath);
    }
    case 'data_bucket': {
      const ref = splitRef(field);
      return (v) => textOf(ref.read(v.runtime?.bucket(ref.name)), ref.jsonPath);
    }
  }
}

/** The reader of the JSON-typed operators: the value itself where the target holds JSON. */
function valueReader(c: Condition, ctx: ConditionContext | undefined): (view: RequestView) => unknown {
  const field = c.field;
  switch (c.type) {
    case 'body':
      return (v) => readBodyValue(v, field);
    case 'global_var': {
      const ref = splitRef(field);
      return (v) => ref.read(v.runtime?.globals.get(ref.name));
    }
    case 'data_bucket': {
      const ref = splitRef(field);
      return (v) => ref.read(v.runtime?.bucket(ref.name));
    }
    case 'request_number':
      return () => ctx?.calls.n ?? 0;
    default:
      return reader(c, ctx);
  }
}

/**
 * `name`, `name.dotted.path` or `name.$.json.path` (global variables, data buckets): the
 * name is up to the first dot; what follows is a dotted path, or a JSONPath when it starts with $.
 */
function splitRef(field: string): { name: string; jsonPath: boolean; read: (root: unknown) => unknown } {
  const dot = field.indexOf('.');
  if (dot < 0) return { name: field, jsonPath: false, read: (root) => root };
  const name = field.slice(0, dot);
  const path = field.slice(dot + 1);
  if (isJsonPath(path) || path === '$') return { name, jsonPath: true, read: (root) => queryJsonPath(root, path) };
  return { name, jsonPath: false, read: (root) => valueAt(root, path) };
}

const scenarioState = (v: RequestView, name: string): string => v.runtime?.scenarios.get(name) ?? SCENARIO_START_STATE;

/** A cookie of the Cookie header(s); several of the same name give an array. Values are percent-decoded. */
function readCookie(v: RequestView, name: string): FieldValue {
  const header = readOwnHeader(v.req.headers, 'cookie');
  if (header === undefined) return undefined;
  const found: string[] = [];
  for (const line of typeof header === 'string' ? [header] : header) {
    for (const pair of line.split(';')) {
      const eq = pair.indexOf('=');
      if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
      found.push(decodeCookie(pair.slice(eq + 1).trim()));
    }
  }
  return found.length === 0 ? undefined : found.length === 1 ? found[0] : found;
}

function decodeCookie(raw: string): string {
  const v = raw.length > 1 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!v.includes('%')) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

type Fields = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Headers, query and params are plain objects (Node's headers are), so `fields[name]` would
 * find Object.prototype's members (constructor, toString, __proto__…) where the request sent
 * nothing, and a condition would test a function. Conditions on those names read own
 * properties only; every other name keeps the plain lookup, which the hot path prefers.
 */
const inherited = (name: string): boolean => name in Object.prototype;
const ownValue = (fields: Fields, name: string): FieldValue => (Object.hasOwn(fields, name) ? fields[name] : undefined);

function readHeader(headers: Fields, name: string): FieldValue {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  // Node lowercases header names; other callers (the cloud server) might not.
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function readOwnHeader(headers: Fields, name: string): FieldValue {
  const direct = ownValue(headers, name);
  if (direct !== undefined) return direct;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function tester(op: ConditionOperator, expected: string, flags: string | undefined): CompiledCondition['test'] {
  switch (op) {
    case 'null':
      return (a) => a === undefined || a === null;
    case 'empty_array':
      return (a) => Array.isArray(a) && a.length === 0;
    case 'array_includes':
      return (a) => Array.isArray(a) && a.some((e) => e === expected || (isScalar(e) && String(e) === expected));
    case 'valid_json_schema': {
      let valid: (value: unknown) => boolean = () => false;
      try {
        valid = compileJsonSchema(expected);
      } catch {
        // The services refuse such a schema; one stored anyway (an import) never matches rather than crash the mock.
      }
      return (a) => a !== undefined && valid(a);
    }
    case 'regex':
    case 'regex_i':
      return any(regexTest(expected, op === 'regex_i' ? `${flags ?? ''}i` : flags));
    case 'exists':
      return (a) => a !== undefined;
    case 'not_exists':
      return (a) => a === undefined;
    case 'not_equals':
      return negate(any((s) => s === expected));
    case 'not_contains':
      return negate(any((s) => s.includes(expected)));
    default:
      return any(positive(op, expected));
  }
}

const isScalar = (e: unknown): boolean => typeof e === 'number' || typeof e === 'boolean';

function regexTest(pattern: string, flags: string | undefined): Test {
  let re = NEVER;
  try {
    re = compileSafeRegex(pattern, flags);
  } catch {
    // Saved before the safe-regex check existed: it can never match rather than crash the mock.
  }
  return (s, view) => re.test(s, view);
}

function positive(
  op: Exclude<
    ConditionOperator,
    | 'exists'
    | 'not_exists'
    | 'not_equals'
    | 'not_contains'
    | 'regex'
    | 'regex_i'
    | 'null'
    | 'empty_array'
    | 'array_includes'
    | 'valid_json_schema'
  >,
  expected: string,
): Test {
  switch (op) {
    case 'equals':
      return (s) => s === expected;
    case 'contains':
      return (s) => s.includes(expected);
    case 'starts_with':
      return (s) => s.startsWith(expected);
    case 'ends_with':
      return (s) => s.endsWith(expected);
    case 'gt': {
      const n = Number(expected);
      return (s) => isNumeric(s) && Number(s) > n;
    }
    case 'lt': {
      const n = Number(expected);
      return (s) => isNumeric(s) && Number(s) < n;
    }
  }
}

// Number('') is 0 and Number(' ') too: an empty value is not the number zero.
const isNumeric = (s: string): boolean => s.trim() !== '' && Number.isFinite(Number(s));

// Text operators get what reader() reads: a string, an array of strings, or undefined.
function any(test: Test): (a: FieldValue, view?: RequestView) => boolean {
  return (a, view) => {
    if (a === undefined) return false;
    if (typeof a === 'string') return test(a, view);
    return a.some((s) => test(s, view));
  };
}

const negate =
  (f: (a: FieldValue) => boolean) =>
  (a: FieldValue): boolean =>
    !f(a);

/** Characters of a failing condition's value the log keeps: enough to see why, not a whole upload. */
export const MAX_ACTUAL = 1024;

/** The value shown in the log when a condition fails: text as it is, several values joined, JSON values as JSON. */
export function describeActual(a: unknown): string | null {
  if (a === undefined) return null;
  const s =
    typeof a === 'string'
      ? a
      : Array.isArray(a) && a.length > 0 && a.every((e) => typeof e === 'string')
        ? a.join(', ')
        : jsonText(a);
  return s.length > MAX_ACTUAL ? `${s.slice(0, MAX_ACTUAL)}…` : s;
}

function jsonText(a: unknown): string {
  if (typeof a === 'number' || typeof a === 'boolean' || a === null) return String(a);
  try {
    return JSON.stringify(a) ?? String(a);
  } catch {
    return stringifyDeep(a);
  }
}
