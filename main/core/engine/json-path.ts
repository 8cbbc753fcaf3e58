import { JSONPath } from 'jsonpath-plus';
import { jsonPathProblem } from '../../../shared/models';

/**
 * JSONPath fields (`$.items[0].id`, `$..name`, `$.users[?(@.age > 30)]`), for body, global
 * variable and data bucket conditions, with jsonpath-plus (what Mockoon uses). Filter
 * expressions run on its "safe" evaluator, never JavaScript's eval, and only the ones
 * jsonPathProblem (shared/models/condition.ts) allows: comparisons, no method calls (a
 * `.match(/(a+)+$/)` would backtrack for minutes); the work is then bounded by the size of
 * the value searched, which the server's body limit bounds.
 */
export const isJsonPath = (field: string): boolean => field.length > 1 && field.startsWith('$');

/**
 * The values at `path`: undefined when none, the value when one, an array of them when
 * several (a condition then matches when any one does). A path jsonpath-plus cannot read
 * finds nothing.
 */
export function queryJsonPath(root: unknown, path: string): unknown {
  if (root === undefined || !isSafe(path)) return undefined;
  let found: unknown[];
  try {
    found = JSONPath({ path, json: root as object, wrap: true, eval: 'safe' }) as unknown[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(found) || found.length === 0) return undefined;
  return found.length === 1 ? found[0] : found;
}

// Saved conditions are checked on save; this catches an imported or older one. Memoised: a
// project has few distinct paths, and the map is dropped if edits ever make it large.
const checked = new Map<string, boolean>();
function isSafe(path: string): boolean {
  let ok = checked.get(path);
  if (ok === undefined) {
    if (checked.size > 1000) checked.clear();
    checked.set(path, (ok = jsonPathProblem(path) === undefined));
  }
  return ok;
}
