/**
 * A JSON value valid against an OpenAPI schema (2.0, 3.0 or 3.1, `$ref`s already
 * dereferenced, possibly into cycles), for responses that document a schema but no example.
 *
 * Deterministic (no randomness: the same document always imports the same bodies) and
 * bounded: a schema may be circular or enormous (GitHub's repository embeds repositories),
 * so optional properties are only filled while the body is small and shallow, and past a
 * hard depth the sampler gives up on validity rather than recurse. What it cannot satisfy
 * (a `pattern` none of its candidates match, `not`) it leaves unsatisfied, never loops on.
 */

import { conformance } from './conforms';
import { admitsNull, alternativesOf, COMBINERS, isSchema, valueIsOfType, type Schema } from './schema';

export interface SampleLimits {
  /** Optional properties and array items are filled only above this depth… */
  optionalDepth: number;
  /** …and while the body has fewer values than this. */
  optionalNodes: number;
  /**
   * Past this depth or this many values (a cycle of required properties, a schema wide at
   * every level) the sampler stops with the smallest value of each type: `{}`, `[]`, "".
   */
  hardDepth: number;
  hardNodes: number;
  /** Counts the values made, for a caller that budgets several bodies. */
  counter?: { nodes: number };
}

export const DEFAULT_SAMPLE_LIMITS: SampleLimits = {
  optionalDepth: 8,
  optionalNodes: 1500,
  hardDepth: 40,
  hardNodes: 20_000,
};

interface Ctx {
  limits: SampleLimits;
  counter: { nodes: number };
  /** Schemas being sampled on the current path: one seen again is a cycle. */
  stack: Set<object>;
}

export function sampleSchema(schema: unknown, limits: SampleLimits = DEFAULT_SAMPLE_LIMITS): unknown {
  return sample(schema, { limits, counter: limits.counter ?? { nodes: 0 }, stack: new Set() }, 0);
}

function sample(raw: unknown, ctx: Ctx, depth: number): unknown {
  ctx.counter.nodes++;
  if (!isSchema(raw)) return raw === false ? null : {};
  if (depth > ctx.limits.hardDepth || ctx.counter.nodes > ctx.limits.hardNodes) return minimalOf(raw);
  if ('const' in raw) return raw.const;
  // A schema's own example or default wins, unless its type plainly contradicts the schema.
  if ('example' in raw && fitsType(raw.example, raw) && conformance(raw.example, raw) === null) return raw.example;
  if (Array.isArray(raw.examples) && raw.examples.length > 0 && fitsType(raw.examples[0], raw)) return raw.examples[0];
  if ('default' in raw && raw.default !== null && fitsType(raw.default, raw)) return raw.default;
  if (Array.isArray(raw.enum) && raw.enum.length > 0) return raw.enum.find((v) => v !== null) ?? raw.enum[0];

  // A nullable schema that leads back into itself (a person's required, nullable manager)
  // ends the chain with null: valid, and the only finite answer.
  if (isNullable(raw) && (depth >= ctx.limits.optionalDepth || reenters(raw, ctx))) return null;

  ctx.stack.add(raw);
  try {
    if (Array.isArray(raw.allOf) && raw.allOf.length > 0) return sample(mergeAllOf(raw), ctx, depth);
    const choices = alternativesOf(raw);
    if (choices.length > 0) {
      // The first alternative that is not `null` and not already being sampled (a cycle);
      // the schema's own siblings (properties next to oneOf) apply to it too.
      const { oneOf: _o, anyOf: _a, ...siblings } = raw;
      const withSiblings = (pick: unknown): unknown =>
        Object.keys(siblings).some((k) => k !== 'discriminator' && k !== 'nullable' && k !== 'description')
          ? mergeAllOf({ allOf: [siblings, pick] })
          : pick;
      const candidates = choices.filter((c) => isSchema(c) && !ctx.stack.has(c) && typeOf(c) !== 'null');
      if (candidates.length === 0)
        return sample(withSiblings(choices.find((c) => typeOf(c) !== 'null') ?? choices[0]), ctx, depth);
      // oneOf wants exactly one alternative to fit: GitHub's event payloads overlap, so the
      // first alternative's sample may fit two. Try the alternatives in order (32 at most).
      let first: unknown;
      for (const [i, c] of candidates.slice(0, 32).entries()) {
        const v = sample(withSiblings(c), ctx, depth);
        if (i === 0) first = v;
        if (!Array.isArray(raw.oneOf) || conformance(v, { oneOf: raw.oneOf }) === null) return v;
      }
      return first;
    }
    switch (typeOf(raw)) {
      case 'object':
        return sampleObject(raw, ctx, depth);
      case 'array':
        return sampleArray(raw, ctx, depth);
      case 'string':
        return sampleString(raw);
      case 'integer':
        return sampleNumber(raw, true);
      case 'number':
        return sampleNumber(raw, false);
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return {};
    }
  } finally {
    ctx.stack.delete(raw);
  }
}

function isNullable(s: Schema): boolean {
  if (admitsNull(s)) return true;
  return alternativesOf(s).some((a) => isSchema(a) && a.type === 'null');
}

/** Whether sampling `s` would enter a schema already being sampled (directly or through allOf/oneOf/anyOf). */
function reenters(s: Schema, ctx: Ctx): boolean {
  if (ctx.stack.has(s)) return true;
  for (const key of COMBINERS) {
    const parts = s[key];
    if (Array.isArray(parts) && parts.some((p) => isSchema(p) && ctx.stack.has(p))) return true;
  }
  return false;
}

/** The schema's type: declared (the first non-null of a 3.1 type list), else guessed from its keywords. */
export function typeOf(s: unknown): string | undefined {
  if (!isSchema(s)) return undefined;
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string | undefined;
  if (isSchema(s.properties) || isSchema(s.additionalProperties) || Array.isArray(s.required)) return 'object';
  if ('items' in s) return 'array';
  if (typeof s.format === 'string' || typeof s.pattern === 'string' || 'minLength' in s || 'maxLength' in s)
    return 'string';
  if ('minimum' in s || 'maximum' in s || 'multipleOf' in s) return 'number';
  return undefined;
}

function fitsType(v: unknown, s: Schema): boolean {
  if (v === undefined) return false;
  const t = typeOf(s);
  // No type fits anything; a type name JSON Schema does not define fits only null.
  return t === undefined || (valueIsOfType(v, t) ?? v === null);
}

function roomForOptional(ctx: Ctx, depth: number): boolean {
  return depth < ctx.limits.optionalDepth && ctx.counter.nodes < ctx.limits.optionalNodes;
}

function sampleObject(s: Schema, ctx: Ctx, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = isSchema(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r) => typeof r === 'string') : []);
  for (const [name, prop] of Object.entries(props)) {
    const isRequired = required.has(name);
    if (!isRequired) {
      if (!roomForOptional(ctx, depth)) continue;
      if (isSchema(prop) && (prop.writeOnly === true || ctx.stack.has(prop))) continue;
    }
    out[name] = sample(prop, ctx, depth + 1);
  }
  const extra = isSchema(s.additionalProperties) ? s.additionalProperties : {};
  for (const name of required) {
    if (!(name in out)) out[name] = sample(extra, ctx, depth + 1);
  }
  const minProps = typeof s.minProperties === 'number' ? Math.min(s.minProperties, 100) : 0;
  for (let i = 1; Object.keys(out).length < minProps; i++) {
    if (!(`key${i}` in out)) out[`key${i}`] = sample(extra, ctx, depth + 1);
  }
  return out;
}

function sampleArray(s: Schema, ctx: Ctx, depth: number): unknown[] {
  const min = typeof s.minItems === 'number' ? Math.min(s.minItems, 100) : 0;
  const max = typeof s.maxItems === 'number' ? s.maxItems : Infinity;
  const items = s.items;
  const cyclic = isSchema(items) && ctx.stack.has(items);
  // One item shows the shape; none when there is no room or the item is the array's own ancestor.
  const count = Math.min(max, Math.max(min, roomForOptional(ctx, depth) && !cyclic ? 1 : 0));
  if (Array.isArray(s.prefixItems) || Array.isArray(items)) {
    const tuple = (Array.isArray(s.prefixItems) ? s.prefixItems : items) as unknown[];
    return tuple.slice(0, Math.max(count, Math.min(min, tuple.length))).map((t) => sample(t, ctx, depth + 1));
  }
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    let v = sample(items, ctx, depth + 1);
    if (s.uniqueItems === true && i > 0) v = distinct(v, i);
    out.push(v);
  }
  return out;
}

/** The i-th of several items that must differ. */
function distinct(v: unknown, i: number): unknown {
  if (typeof v === 'string') return `${v}${i}`;
  if (typeof v === 'number') return v + i;
  return v;
}

/** Format samples valid under ajv-formats' full mode and OpenAPI's own formats. */
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-15T09:30:00Z',
  date: '2024-01-15',
  time: '09:30:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  'iri-reference': 'https://example.com/',
  'uri-template': 'https://example.com/{id}',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'json-pointer': '/path',
  'relative-json-pointer': '0',
  regex: '^.*$',
  byte: 'U3dhZ2dlcg==',
  binary: '',
  password: 'secret',
  int32: '0',
  int64: '0',
};

function sampleString(s: Schema): string {
  const format = typeof s.format === 'string' ? s.format : undefined;
  const minLength = typeof s.minLength === 'number' ? Math.min(s.minLength, 10_000) : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const pattern = typeof s.pattern === 'string' ? patternOf(s.pattern) : undefined;
  const candidates = [
    format !== undefined ? FORMAT_SAMPLES[format] : undefined,
    'string',
    'abc',
    'a',
    '0',
    '1',
    'A',
    'example',
    'ABC',
    '123',
    '',
  ].filter((c): c is string => c !== undefined);
  const fit = (c: string): string => {
    let v = c;
    while (v.length < minLength) v += c.length > 0 ? c : 'a';
    return v.length > maxLength ? v.slice(0, Math.max(maxLength, minLength)) : v;
  };
  for (const c of candidates) {
    const v = fit(c);
    if (v.length >= minLength && v.length <= maxLength && (!pattern || pattern.test(v))) return v;
  }
  return fit(candidates[0]!);
}

function patternOf(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

function sampleNumber(s: Schema, integer: boolean): number {
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  // 3.0 (and 2.0): exclusiveMinimum is a boolean beside minimum; 3.1: a number of its own.
  let lo = num(s.minimum);
  let loExclusive = s.exclusiveMinimum === true;
  if (num(s.exclusiveMinimum) !== undefined && (lo === undefined || num(s.exclusiveMinimum)! >= lo)) {
    lo = num(s.exclusiveMinimum);
    loExclusive = true;
  }
  let hi = num(s.maximum);
  let hiExclusive = s.exclusiveMaximum === true;
  if (num(s.exclusiveMaximum) !== undefined && (hi === undefined || num(s.exclusiveMaximum)! <= hi)) {
    hi = num(s.exclusiveMaximum);
    hiExclusive = true;
  }
  const step = num(s.multipleOf) && num(s.multipleOf)! > 0 ? num(s.multipleOf)! : integer ? 1 : undefined;
  let v = lo !== undefined ? lo : hi !== undefined && hi < 0 ? hi : 0;
  if (step !== undefined) {
    v = Math.ceil(v / step) * step;
    if (lo !== undefined && loExclusive && v <= lo) v += step;
    if (hi !== undefined && (hiExclusive ? v >= hi : v > hi) && lo === undefined) {
      v = Math.floor(hi / step) * step;
      if (hiExclusive && v >= hi) v -= step;
    }
  } else {
    if (lo !== undefined && loExclusive) v = hi !== undefined ? (lo + hi) / 2 : lo + 1;
    if (hi !== undefined && hiExclusive && v >= hi) v = lo !== undefined ? (lo + hi) / 2 : hi - 1;
  }
  return integer ? Math.round(v) : v;
}

/** The smallest value of the right type: what a cycle of required properties ends on. */
function minimalOf(s: Schema): unknown {
  switch (typeOf(s)) {
    case 'object':
      return {};
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/**
 * allOf as one schema: properties merged (a property in two parts becomes an allOf of both),
 * required lists joined, bounds tightened. Nested allOfs are flattened (bounded: a cycle
 * through allOf stops at the first repeat).
 */
export function mergeAllOf(s: Schema): Schema {
  const parts: Schema[] = [];
  const seen = new Set<object>();
  const collect = (x: unknown): void => {
    if (!isSchema(x) || seen.has(x) || parts.length > 200) return;
    seen.add(x);
    const { allOf, ...rest } = x;
    parts.push(rest);
    if (Array.isArray(allOf)) for (const p of allOf) collect(p);
  };
  collect(s);
  const out: Schema = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) continue;
      const cur = out[k];
      if (cur === undefined) {
        out[k] = k === 'properties' && isSchema(v) ? { ...v } : v;
        continue;
      }
      switch (k) {
        case 'properties':
          if (isSchema(v) && isSchema(cur)) {
            for (const [name, ps] of Object.entries(v)) {
              cur[name] = name in cur && cur[name] !== ps ? { allOf: [cur[name], ps] } : ps;
            }
          }
          break;
        case 'required':
          if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...new Set([...cur, ...v])];
          break;
        case 'minimum':
        case 'minLength':
        case 'minItems':
        case 'minProperties':
          if (typeof v === 'number' && typeof cur === 'number') out[k] = Math.max(cur, v);
          break;
        case 'maximum':
        case 'maxLength':
        case 'maxItems':
        case 'maxProperties':
          if (typeof v === 'number' && typeof cur === 'number') out[k] = Math.min(cur, v);
          break;
        case 'items':
          if (cur !== v) out[k] = { allOf: [cur, v] };
          break;
        case 'enum':
          if (Array.isArray(cur) && Array.isArray(v)) out[k] = cur.filter((x) => v.includes(x));
          break;
        case 'type':
          // A part that says only "object" beside one that says ["object","null"]: the narrower.
          if (Array.isArray(cur) && typeof v === 'string') out[k] = v;
          break;
        default:
          break; // the first part's word stands (descriptions, examples, formats)
      }
    }
  }
  return out;
}
