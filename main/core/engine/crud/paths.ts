/**
 * Dotted paths into bucket items (`id`, `data.id`, `tags.0`). Own properties only: a path
 * such as `__proto__.polluted` or `constructor` reads nothing and writes nothing, so a
 * request cannot reach or change Object.prototype through a CRUD key or filter.
 */

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function readPath(root: unknown, path: string): unknown {
  let v = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Sets `path` in `root`, making plain objects on the way; false when the path is refused or blocked. */
export function writePath(root: Record<string, unknown>, path: string, value: unknown): boolean {
  const keys = path.split('.');
  if (keys.some((k) => FORBIDDEN.has(k))) return false;
  let o: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(o, key) ? o[key] : undefined;
    if (next === undefined) {
      const made: Record<string, unknown> = {};
      o[key] = made;
      o = made;
    } else if (next !== null && typeof next === 'object') {
      o = next as Record<string, unknown>;
    } else {
      return false;
    }
  }
  o[keys[keys.length - 1]!] = value;
  return true;
}
