/**
 * Whether a document's own example fits its schema — the structural checks that matter for
 * a mock's consumers (types, required, enums, closed objects, bounds, allOf/anyOf/oneOf,
 * nullable); formats and patterns are not checked. Runs on dereferenced, possibly circular
 * schemas: the walk follows the value, which is finite, and stops at a depth bound.
 * Returns the first problem found ("at /0/requester: missing required login"), or null.
 */
import { admitsNull, isSchema, valueIsOfType } from './schema';

const MAX_DEPTH = 64;

/** The formats clients most often parse; the rest are not checked. */
const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:?\d\d)$/,
  date: /^\d{4}-\d\d-\d\d$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
};

export function conformance(value: unknown, schema: unknown): string | null {
  return check(value, schema, '', 0);
}

function check(v: unknown, s: unknown, at: string, depth: number): string | null {
  if (!isSchema(s) || depth > MAX_DEPTH) return null;
  const where = at === '' ? 'the body' : `at ${at}`;
  if (v === null && admitsNull(s)) return null;
  if (Array.isArray(s.enum) && s.enum.length > 0 && !s.enum.some((e) => same(e, v))) {
    return `${where}: ${JSON.stringify(v)?.slice(0, 40)} is not one of the enum's values`;
  }
  if ('const' in s && !same(s.const, v)) return `${where}: not the schema's const`;
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : null;
  if (types && !types.some((t) => hasType(v, t)))
    return `${where}: ${kindOf(v)} where the schema says ${types.join(' or ')}`;
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf) {
      const p = check(v, part, at, depth + 1);
      if (p) return p;
    }
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = s[key];
    if (Array.isArray(alts) && alts.length > 0) {
      const problems = alts.map((alt) => check(v, alt, at, depth + 1));
      const fits = problems.filter((p) => p === null).length;
      if (fits === 0) return problems[0]!;
      if (key === 'oneOf' && fits > 1) return `${where}: fits ${fits} of the oneOf alternatives, not exactly one`;
    }
  }
  if (isSchema(v)) {
    for (const r of Array.isArray(s.required) ? s.required : []) {
      if (typeof r === 'string' && !(r in v)) return `${where}: missing required ${r}`;
    }
    const props = isSchema(s.properties) ? s.properties : {};
    for (const [k, pv] of Object.entries(v)) {
      if (k in props) {
        const p = check(pv, props[k], `${at}/${k}`, depth + 1);
        if (p) return p;
      } else if (s.additionalProperties === false && !isSchema(s.patternProperties)) {
        return `${where}: ${k} is not a property the schema allows`;
      } else if (isSchema(s.additionalProperties)) {
        const p = check(pv, s.additionalProperties, `${at}/${k}`, depth + 1);
        if (p) return p;
      }
    }
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) return `${where}: fewer than ${s.minItems} items`;
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) return `${where}: more than ${s.maxItems} items`;
    if (isSchema(s.items)) {
      for (const [i, item] of v.entries()) {
        const p = check(item, s.items, `${at}/${i}`, depth + 1);
        if (p) return p;
      }
    }
  }
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && v.length < s.minLength) return `${where}: shorter than ${s.minLength}`;
    if (typeof s.maxLength === 'number' && v.length > s.maxLength) return `${where}: longer than ${s.maxLength}`;
    const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
    if (format && !format.test(v)) return `${where}: ${JSON.stringify(v.slice(0, 40))} is not a ${String(s.format)}`;
  }
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) return `${where}: below the minimum ${s.minimum}`;
    if (typeof s.maximum === 'number' && v > s.maximum) return `${where}: above the maximum ${s.maximum}`;
  }
  return null;
}

// A type name JSON Schema does not define constrains nothing here.
const hasType = (v: unknown, t: string): boolean => valueIsOfType(v, t) ?? true;

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
