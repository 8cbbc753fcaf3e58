import { AppError } from '../../util/errors';

/**
 * JSON may spell half of a UTF-16 surrogate pair ("\ud800") on its own. JavaScript keeps it,
 * but SQLite stores UTF-8, where it has no encoding: it would come back as U+FFFD although
 * the write was acknowledged. Such bodies are refused up front, naming the field.
 */

/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate reaches a decoded UTF-8 body. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Throws a 400 naming the first string (value or key) of `value` that holds a lone
 * surrogate. `text` is the body it was parsed from: without a surrogate escape in it the
 * walk is skipped, so ordinary bodies cost one regex scan.
 */
export function rejectLoneSurrogates(text: string, value: unknown): void {
  if (!SURROGATE_ESCAPE.test(text)) return;
  const field = findLoneSurrogate(value);
  if (field === null) return;
  throw new AppError(
    'VALIDATION_ERROR',
    `${field === '' ? 'the request body' : `field "${field}"`} holds an unpaired UTF-16 surrogate (a lone \\ud800–\\udfff escape), which cannot be stored`,
    {
      ...(field === '' ? {} : { field }),
      hint: 'send valid Unicode: escape a character outside the BMP as a surrogate pair (e.g. "\\ud83d\\ude00") or send it as UTF-8',
    },
  );
}

/**
 * The dotted path of the first string or key holding a lone surrogate ('' for the root),
 * or null. Iterative, so a deeply nested body cannot overflow the stack here.
 */
export function findLoneSurrogate(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: v, path } = item;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i] as unknown, path: join(path, String(i)) });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v as Record<string, unknown>);
      const badKey = entries.find(([key]) => LONE_SURROGATE.test(key));
      if (badKey) return join(path, badKey[0]);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push({ value: child, path: join(path, key) });
      }
    }
  }
  return null;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
