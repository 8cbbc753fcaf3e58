import { chaosDoesSomething, MAX_DELAY_MS, type Chaos, type ChaosApplied } from '../../../../shared/models';
import { drawChaos } from '../chaos';
import { CORS_HEADERS } from '../cors';
import type { StageStep } from '../types';
import type { ResponseStage } from './stage';

/**
 * Faults and latency: the mock's fixed response delay, and chaos (shared/models/chaos.ts) —
 * a latency drawn from a distribution on top of that delay, an injected error answer, or a
 * network fault the transport carries out (EngineResult.fault). The transport waits
 * EngineResult.delayMs before it answers (or faults).
 *
 * Whose chaos applies: the mock's setting when it has one (even one that does nothing: that
 * keeps the mock out of its project's chaos), else the project's. Requests no mock matches
 * get the project's chaos too, before proxying or the 404: MockOps' `chaos_driven` level is
 * chaos of a whole service, real or mocked (docs/chaos.md).
 *
 * A mock without a delay and without chaos (in a project without chaos) has no step here:
 * its requests pay nothing for this stage.
 */
export const faultsStage: ResponseStage = {
  name: 'faults',
  forMock(cm, project) {
    const delay = cm.mock.responseDelay;
    const [chaos, source] =
      cm.mock.chaos !== null ? [cm.mock.chaos, 'mock' as const] : [project.chaos, 'project' as const];
    if (chaosDoesSomething(chaos)) return chaosStep(chaos, source, delay);
    if (!(delay > 0)) return undefined;
    return (x) => {
      // Only a picked response waits: an error answer (no responses) is sent at once.
      if (x.response) x.delayMs = delay;
      return undefined;
    };
  },
  forUnmatched(project) {
    return chaosDoesSomething(project.chaos) ? chaosStep(project.chaos, 'project', 0) : undefined;
  },
};

function chaosStep(chaos: Chaos, source: ChaosApplied['source'], delay: number): StageStep {
  // The injected answer is the same for every request: built once, when the project compiles.
  const injected = injectedAnswer(chaos, source);
  return (x) => {
    if (!x.chaosSwitch.enabled) {
      if (x.response && delay > 0) x.delayMs = delay;
      return undefined;
    }
    const drawn = drawChaos(chaos, x.random);
    x.delayMs = Math.min(MAX_DELAY_MS, delay + (drawn.latencyMs ?? 0));
    const applied: ChaosApplied = { source };
    if (drawn.latencyMs !== undefined) applied.latencyMs = drawn.latencyMs;
    if (drawn.fault) {
      applied.fault = drawn.fault;
      x.fault = drawn.fault;
      // A request nothing answered yet is answered by the fault: proxying and the 404 skip it.
      if (x.status === 0) x.status = FAULTED_UNMATCHED_STATUS;
    } else if (drawn.error) {
      applied.errorStatus = chaos.errorStatus;
      x.status = chaos.errorStatus;
      x.headers = injected.headers;
      x.body = injected.body;
    }
    x.chaos = applied;
    return undefined;
  };
}

/** The status line a malformed_chunk fault sends for a request no mock matched (a gateway's failure). */
export const FAULTED_UNMATCHED_STATUS = 502;

function injectedAnswer(chaos: Chaos, source: ChaosApplied['source']) {
  const base = { ...CORS_HEADERS, 'x-mockdeck-chaos': 'error' };
  if (chaos.errorBody !== '')
    return { headers: Object.freeze({ ...base, 'content-type': typeOf(chaos.errorBody) }), body: chaos.errorBody };
  return {
    headers: Object.freeze({ ...base, 'content-type': 'application/json; charset=utf-8' }),
    body: JSON.stringify({
      error: 'CHAOS_INJECTED_ERROR',
      message: `chaos injected this ${chaos.errorStatus} (errorRate ${chaos.errorRate} of the ${source}'s chaos setting): set the errorRate to 0, or turn chaos off with the kill switch, to get the mock's answer`,
    }),
  };
}

/** An error body the user wrote: JSON when it parses as JSON, else text. */
function typeOf(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json; charset=utf-8';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}
