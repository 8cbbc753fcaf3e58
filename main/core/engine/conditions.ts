import type { Condition, ConditionOperator } from '../../../shared/models';
import { readBodyField } from './body';
import { compileSafeRegex, NEVER } from './regex';
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
 * Comparisons are case-sensitive; header NAMES are not.
 */
type Test = (value: string, view?: RequestView) => boolean;

export function compileCondition(c: Condition): CompiledCondition {
  return { source: c, read: reader(c), test: tester(c.operator, c.value) };
}

function reader(c: Condition): (view: RequestView) => FieldValue {
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
      return (v) => readBodyField(v, field);
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

function tester(op: ConditionOperator, expected: string): CompiledCondition['test'] {
  switch (op) {
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

function positive(
  op: Exclude<ConditionOperator, 'exists' | 'not_exists' | 'not_equals' | 'not_contains'>,
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
    case 'regex': {
      let re = NEVER;
      try {
        re = compileSafeRegex(expected);
      } catch {
        // Saved before the safe-regex check existed: it can never match rather than crash the mock.
      }
      return (s, view) => re.test(s, view);
    }
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

function any(test: Test): CompiledCondition['test'] {
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

/** The value shown in the log when a condition fails. */
export function describeActual(a: FieldValue): string | null {
  if (a === undefined) return null;
  const s = typeof a === 'string' ? a : a.join(', ');
  return s.length > MAX_ACTUAL ? `${s.slice(0, MAX_ACTUAL)}…` : s;
}
