import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `nullable: true` becomes a type list (or an
 * anyOf with null when there is no type), which ajv cannot do itself beside allOf/$ref.
 * Returns a copy; the document's `$ref`s stay and ajv resolves them inside it.
 */
export function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'example' || k === 'examples' ? v : toJsonSchema(v);
  }
  if (out.nullable === true) {
    delete out.nullable;
    // nullable adds null to the allowed values, enum or not (OpenAPI 3.0.3's reading).
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (!Array.isArray(out.type)) {
      const { description: _d, ...rest } = out;
      return { anyOf: [{ type: 'null' }, rest] };
    }
  } else if (out.nullable === false) delete out.nullable;
  return out;
}

/** A validator for the schema at `pointer` inside an OpenAPI document. */
export function openapiValidator(doc: unknown): (pointer: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(toJsonSchema(doc) as Json, 'doc');
  return (pointer) => ajv.getSchema(`doc#${pointer}`)!;
}

export const pointerOf = (...parts: string[]): string =>
  parts.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
