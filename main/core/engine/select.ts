import type { AlsoMatched, ConditionFailure } from '../../../shared/models';
import { describeActual } from './conditions';
import type { CompiledCondition, CompiledMock, CompiledResponse, RequestView } from './types';

/**
 * Response selection (docs/reference/mockbird-api.md §5, §8):
 * 1. conditional responses whose conditions ALL match form the pool;
 * 2. else the unconditioned responses do;
 * 3. else (every response is conditional and none matched) the mock's default response,
 *    or its first, answers, so a mock with responses never turns into a 404;
 * then `random` mode draws by weight within the pool and `sequential` mode cycles through
 * it in sort order. When every weight in the pool is 0: the pool's default, else its first.
 *
 * With responseSelection 'first' (Mockoon's rule) the first matching conditional response
 * answers, in sort order, instead of step 1's draw.
 *
 * `failures` receives, for each conditional response that did not match, the first
 * condition that failed and the value it saw; `lost`, the conditional responses that
 * matched and did not answer.
 */
export function selectResponse(
  cm: CompiledMock,
  view: RequestView,
  random: () => number,
  failures: ConditionFailure[],
  lost?: AlsoMatched[],
): CompiledResponse | undefined {
  let pool: readonly CompiledResponse[] = cm.unconditioned;
  if (cm.hasConditions) {
    const matched: CompiledResponse[] = [];
    for (const r of cm.conditional) {
      if (conditionsHold(r, view, failures)) matched.push(r);
    }
    if (matched.length > 0) pool = matched;
    if (matched.length > 1) return fromMatched(cm, matched, random, lost);
  }
  if (pool.length === 0) return fallback(cm.responses);
  if (pool.length === 1) {
    if (cm.mock.responseMode === 'sequential') cm.seq++;
    return pool[0];
  }
  if (cm.mock.responseMode === 'sequential') return pool[cm.seq++ % pool.length];
  return weighted(pool, random);
}

/** Several conditional responses matched: the first, the next in sequence or a weighted draw; the others are logged as lost. */
function fromMatched(
  cm: CompiledMock,
  matched: readonly CompiledResponse[],
  random: () => number,
  lost: AlsoMatched[] | undefined,
): CompiledResponse | undefined {
  const rule: AlsoMatched['rule'] =
    cm.mock.responseSelection === 'first' ? 'first' : cm.mock.responseMode === 'sequential' ? 'sequential' : 'weighted';
  const picked =
    rule === 'first'
      ? matched[0]
      : rule === 'sequential'
        ? matched[cm.seq++ % matched.length]
        : weighted(matched, random);
  if (lost) {
    for (const r of matched) {
      if (r !== picked) lost.push({ responseId: r.source.id, responseName: r.source.name, rule });
    }
  }
  return picked;
}

function conditionsHold(r: CompiledResponse, view: RequestView, failures: ConditionFailure[]): boolean {
  for (const c of r.conditions) {
    if (!holds(r, c, view, failures)) return false;
  }
  return true;
}

/** Tests one condition; when it fails, `failures` gets it with the value it saw. */
function holds(r: CompiledResponse, c: CompiledCondition, view: RequestView, failures: ConditionFailure[]): boolean {
  const actual = c.read(view);
  if (c.test(actual, view)) return true;
  failures.push({
    responseId: r.source.id,
    responseName: r.source.name,
    condition: c.source,
    actual: describeActual(actual),
  });
  return false;
}

const NO_RESPONSES: readonly CompiledResponse[] = [];

/**
 * Selection for a mock that uses more than the spec's selection (CompiledMock.rich): the
 * same three steps, plus
 * - request_number: this call is counted first, so the first call reads 1;
 * - disable_rules mode: the default response (else the first), conditions never read;
 * - a response's scenario requirement must hold before its conditions are read, and
 *   conditionLogic 'or' needs one condition to hold instead of all (the log then lists each
 *   one that failed);
 * - fallback mode: only responses whose conditions hold are picked; when none does, the
 *   answer is undefined and the request goes on to the next mock of its route
 *   (pipeline/fallback-mode.ts);
 * - the picked response moves its scenario (newScenarioState) in the exchange's runtime.
 */
export function selectRich(
  cm: CompiledMock,
  view: RequestView,
  random: () => number,
  failures: ConditionFailure[],
  lost?: AlsoMatched[],
): CompiledResponse | undefined {
  cm.calls.n++;
  const mode = cm.mock.responseMode;
  let picked: CompiledResponse | undefined;
  if (mode === 'disable_rules') {
    picked = fallback(cm.responses);
  } else {
    let pool: readonly CompiledResponse[] = mode === 'fallback' ? NO_RESPONSES : cm.unconditioned;
    const matched: CompiledResponse[] = [];
    for (const r of cm.conditional) if (responseHolds(r, view, failures)) matched.push(r);
    if (matched.length > 0) pool = matched;
    if (pool.length === 0) {
      if (mode === 'fallback') return undefined;
      picked = fallback(cm.responses);
    } else if (matched.length > 1) {
      picked = fromMatched(cm, matched, random, lost);
    } else if (mode === 'sequential') {
      picked = pool[cm.seq++ % pool.length];
    } else {
      picked = pool.length === 1 ? pool[0] : weighted(pool, random);
    }
  }
  if (picked?.transition && view.runtime) view.runtime.scenarios.set(picked.transition.name, picked.transition.state);
  return picked;
}

function responseHolds(r: CompiledResponse, view: RequestView, failures: ConditionFailure[]): boolean {
  if (r.requiredState !== null && !holds(r, r.requiredState, view, failures)) return false;
  if (!r.anyCondition) return conditionsHold(r, view, failures);
  const before = failures.length;
  for (const c of r.conditions) {
    // Past the cap a failed condition is still tested, just not logged (the log row stays small).
    const ok = failures.length < MAX_OR_FAILURES ? holds(r, c, view, failures) : c.test(c.read(view), view);
    if (ok) {
      failures.length = before;
      return true;
    }
  }
  return false;
}

/**
 * OR logic logs every failed condition of a response, so one request could log 50 per
 * response; past this many the request's log row names no more (AND logs one per response).
 */
export const MAX_OR_FAILURES = 200;

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
