/**
 * Limits on the shape of JSON a client sends, checked before anything walks the value
 * recursively or expands it: a few KB nested thousands of levels deep would otherwise
 * overflow the stack (a 500) or grow to megabytes when pretty-printed (docs/security.md, item 1).
 */

/** Deepest nesting of objects/arrays accepted in a management request body. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first place `value` nests deeper than `maxDepth` (a JSON path such as
 * `endpoints.0.scenarios.0.responseBody.a.a`), or undefined. Iterative, so a hostile depth
 * cannot overflow the stack here.
 */
export function jsonTooDeepAt(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return path || '(root)';
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object')
        stack.push({ v: child, depth: depth + 1, path: path ? `${path}.${k}` : k });
    }
  }
  return undefined;
}

/**
 * The length of `JSON.stringify(value, null, indent)`, counted without building the string,
 * or Infinity as soon as it exceeds `limit`. For parsed JSON (no undefined, functions or
 * toJSON); call it on a value whose depth was checked (it recurses).
 */
export function prettyJsonLength(value: unknown, indent: number, limit: number): number {
  let total = 0;
  const add = (n: number): boolean => (total += n) <= limit;
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object') return add(JSON.stringify(v)?.length ?? 4);
    const entries = Array.isArray(v) ? v.map((x) => [null, x] as const) : Object.entries(v);
    if (entries.length === 0) return add(2);
    // "[\n" + items each indented one level, joined by ",\n" + "\n" + closing indent + "]"
    if (!add(2 + entries.length * indent * (depth + 1) + (entries.length - 1) * 2 + 1 + indent * depth + 1))
      return false;
    for (const [k, child] of entries) {
      if (k !== null && !add(JSON.stringify(k).length + 2)) return false;
      if (!walk(child, depth + 1)) return false;
    }
    return true;
  };
  return walk(value, 0) ? total : Infinity;
}
