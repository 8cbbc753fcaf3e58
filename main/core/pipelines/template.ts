/**
 * `{{event.field}}` in step configs: a plain lookup in the event's fields, nothing else. Not
 * Handlebars on purpose: a definition is data a user may paste from elsewhere, and a bare
 * substitution has no helpers, no prototype walk (own properties only) and no code to run.
 */

const PLACEHOLDER = /\{\{\s*event\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

/** The value at a dotted path of own properties; undefined when any part is missing. */
export function fieldOf(scope: Record<string, unknown>, path: string): unknown {
  let v: unknown = scope;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const show = (v: unknown): string =>
  v === undefined || v === null
    ? ''
    : typeof v === 'string'
      ? v
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/** Substitutes placeholders in every string of `value` (objects and arrays walked); an unknown field becomes "". */
export function renderConfig<T>(value: T, scope: Record<string, unknown>): T {
  if (typeof value === 'string')
    return value.replace(PLACEHOLDER, (_, path: string) => show(fieldOf(scope, path))) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => renderConfig(v, scope)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderConfig(v, scope);
    return out as T;
  }
  return value;
}
