/**
 * The schema keywords both walks over a dereferenced OpenAPI schema read the same way: the
 * sampler (sample.ts), which makes a value, and the example check (conforms.ts), which
 * judges one. Kept here so they cannot come to disagree on what a schema allows.
 */
export type Schema = Record<string, unknown>;

export const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keywords that combine schemas, in the order a walk should enter them. */
export const COMBINERS = ['allOf', 'oneOf', 'anyOf'] as const;

/** A oneOf's alternatives, else an anyOf's; none when the schema has neither. */
export function alternativesOf(s: Schema): unknown[] {
  return (Array.isArray(s.oneOf) && s.oneOf) || (Array.isArray(s.anyOf) && s.anyOf) || [];
}

/** Whether null is a value of `s` by itself: 3.0's `nullable`, or `null` among 3.1's types. */
export function admitsNull(s: Schema): boolean {
  return s.nullable === true || s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null'));
}

/**
 * Whether `v` is of the JSON Schema type `t`; undefined for a type name JSON Schema does not
 * define, which each walk treats its own way.
 */
export function valueIsOfType(v: unknown, t: string): boolean | undefined {
  switch (t) {
    case 'object':
      return isSchema(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      return undefined;
  }
}
