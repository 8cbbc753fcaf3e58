import type { ConditionFailure } from '../../../shared/models';
import { describeActual } from './conditions';
import type { CompiledMock, CompiledResponse, RequestView } from './types';

/**
 * Response selection (docs/reference/mockbird-api.md §5, §8):
 * 1. conditional responses whose conditions ALL match form the pool;
 * 2. else the unconditioned responses do;
 * 3. else (every response is conditional and none matched) the mock's default response,
 *    or its first, answers, so a mock with responses never turns into a 404;
 * then `random` mode draws by weight within the pool and `sequential` mode cycles through
 * it in sort order. When every weight in the pool is 0: the pool's default, else its first.
 *
 * `failures` receives, for each conditional response that did not match, the first
 * condition that failed and the value it saw.
 */
export function selectResponse(
  cm: CompiledMock,
  view: RequestView,
  random: () => number,
  failures: ConditionFailure[],
): CompiledResponse | undefined {
  let pool: readonly CompiledResponse[] = cm.unconditioned;
  if (cm.hasConditions) {
    const matched: CompiledResponse[] = [];
    for (const r of cm.conditional) {
      if (conditionsHold(r, view, failures)) matched.push(r);
    }
    if (matched.length > 0) pool = matched;
  }
  if (pool.length === 0) return fallback(cm.responses);
  if (pool.length === 1) {
    if (cm.mock.responseMode === 'sequential') cm.seq++;
    return pool[0];
  }
  if (cm.mock.responseMode === 'sequential') return pool[cm.seq++ % pool.length];
  return weighted(pool, random);
}

function conditionsHold(r: CompiledResponse, view: RequestView, failures: ConditionFailure[]): boolean {
  for (const c of r.conditions) {
    const actual = c.read(view);
    if (!c.test(actual, view)) {
      failures.push({
        responseId: r.source.id,
        responseName: r.source.name,
        condition: c.source,
        actual: describeActual(actual),
      });
      return false;
    }
  }
  return true;
}

export function weighted(pool: readonly CompiledResponse[], random: () => number): CompiledResponse | undefined {
  let total = 0;
  for (const r of pool) total += r.source.weight > 0 ? r.source.weight : 0;
  if (!(total > 0)) return fallback(pool);
  let x = random() * total;
  for (const r of pool) {
    const w = r.source.weight > 0 ? r.source.weight : 0;
    if (x < w) return r;
    x -= w;
  }
  // random() returned 1 or rounding left a sliver: the last weighted response.
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.source.weight > 0) return pool[i];
  return pool[0];
}

const fallback = (pool: readonly CompiledResponse[]): CompiledResponse | undefined =>
  pool.find((r) => r.source.isDefault) ?? pool[0];
