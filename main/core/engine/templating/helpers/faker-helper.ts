import { FAKER_METHODS, SIZED_MODULES } from '../faker';
import { TemplateError } from '../errors';
import { scope } from '../scope';
import { fromSafe, optionsOf, type HelperFn } from './common';

/**
 * `{{faker 'module.method' args… key=value…}}` (Mockoon's faker wrapper): positional
 * arguments as given, a `{…}` string argument parsed as an object, hash arguments passed
 * as the last (options) argument. The method is looked up in FAKER_METHODS, never on the
 * faker object, and lengths and counts are capped (TemplateLimits.fakerSize).
 */
export const fakerHelpers: Record<string, HelperFn> = {
  faker(...args) {
    const options = optionsOf(args);
    const name = args.length === 1 ? '' : fromSafe(args[0]);
    if (typeof name !== 'string') {
      throw new TemplateError("the faker method name must be a string, e.g. {{faker 'person.firstName'}}");
    }
    if (!FAKER_METHODS.has(name)) {
      const what = name === '' ? 'the faker method name is missing' : `"${name}" is not a faker method MockDeck offers`;
      throw new TemplateError(`${what} (valid: 'person.firstName', 'location.zipCode', 'date.past', …)`);
    }
    const s = scope();
    const [moduleName, method] = name.split('.') as [string, string];
    const fakerArgs: unknown[] = [];
    for (const raw of args.slice(1, -1)) {
      const arg = fromSafe(raw);
      if (typeof arg === 'string' && arg.startsWith('{') && arg.endsWith('}')) {
        const obj = objectArgument(arg);
        if (obj === null) throw new TemplateError(`the faker argument ${arg} is not an object MockDeck can read`);
        fakerArgs.push(obj);
      } else fakerArgs.push(arg);
    }
    if (Object.keys(options.hash).length > 0) fakerArgs.push({ ...options.hash });
    const cap = s.limits.fakerSize;
    const sized = SIZED_MODULES.has(moduleName);
    const capped = fakerArgs.map((a) => capSizes(a, cap, sized, 0));
    const mod = (s.faker as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[moduleName]!;
    try {
      return mod[method]!(...capped);
    } catch (e) {
      // Mockoon answers '' for faker's own argument errors (FakerError); so do we, for any.
      if (e instanceof Error && e.name === 'FakerError') return '';
      throw new TemplateError(`faker '${name}' failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  },
};

/** Mockoon's objectFromSafeString: `{min: 1, max: 5}` (unquoted keys, single-quoted escapes dropped) as JSON. */
function objectArgument(text: string): unknown {
  const json = text.replace(/\\/g, '').replace(/(['"])?([a-zA-Z0-9_]+)(['"])?:/g, '"$2": ');
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

const SIZE_KEYS = new Set(['length', 'count', 'min', 'max', 'wordCount', 'sentenceCount', 'paragraphCount']);

/** Numbers capped at `cap`: every number for sized modules, else only those under a length or count key. */
function capSizes(v: unknown, cap: number, all: boolean, depth: number): unknown {
  if (typeof v === 'number') return all && v > cap ? cap : v;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || depth > 3) return v;
  const out: Record<string, unknown> = {};
  for (const [k, inner] of Object.entries(v)) {
    const sizeLike = k === 'length' || k === 'count' || (all && SIZE_KEYS.has(k));
    out[k] = typeof inner === 'number' ? (sizeLike && inner > cap ? cap : inner) : capSizes(inner, cap, all, depth + 1);
  }
  return out;
}
