import type { AlsoMatched, ConditionFailure } from '../../../../shared/models';
import type { RouteTable } from '../router';
import { selectRich } from '../select';
import type { CompiledMock, StageStep } from '../types';
import { reroute } from './exchange';
import { runSteps } from './stage';

/**
 * Fallback mode (Mockoon's): a mock whose responses' conditions all fail does not answer;
 * the request goes on to the next mock of its route (RouteTable.next), and when there is
 * none, to the project's unmatched steps (a proxy, else MOCK_NOT_FOUND with this mock's
 * failed conditions in the log).
 *
 * The mock's steps become this one step: it selects first (select.ts, selectRich), then
 * runs either the mock's own steps (whose select step takes the response picked here) or
 * the next mock's, so none of this mock's stages (faults, templating) touch an answer it
 * declined. Only fallback-mode mocks pay for it.
 */
export function fallbackModeStep(
  cm: CompiledMock,
  own: readonly StageStep[],
  routes: RouteTable,
  unmatched: readonly StageStep[],
  timeoutMs: number,
): StageStep {
  return (x) => {
    const failures: ConditionFailure[] = [];
    const lost: AlsoMatched[] = [];
    const picked = cm.responses.length > 0 ? selectRich(cm, x, x.random, failures, lost) : undefined;
    if (picked) {
      x.response = picked;
      x.conditionFailures = failures;
      if (lost.length > 0) x.alsoMatched = lost;
      return runSteps(own, x, 0, timeoutMs);
    }
    const next = routes.next(x.method, x.req.path, cm);
    reroute(x, next);
    if (next) return runSteps(next.mock.steps, x, 0, timeoutMs);
    x.conditionFailures = failures;
    return runSteps(unmatched, x, 0, timeoutMs);
  };
}
