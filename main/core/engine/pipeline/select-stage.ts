import type { AlsoMatched, ConditionFailure } from '../../../../shared/models';
import { answerError, errorBody } from '../errors';
import { selectResponse, selectRich } from '../select';
import type { CompiledResponse, Exchange, StageStep } from '../types';
import type { ResponseStage } from './stage';

const NO_FAILURES: ConditionFailure[] = [];

/**
 * Picks the response (select.ts: conditions, then weight or sequence) and makes it the
 * answer: its status, its compiled headers and its stored body. A mock without responses
 * answers NO_RESPONSE_DEFINED, its message written once at compile time.
 */
export const selectStage: ResponseStage = {
  name: 'select',
  forMock(cm) {
    // A CRUD mock answers from its bucket (crud stage), not from responses.
    if (cm.mock.kind === 'crud') return undefined;
    if (cm.responses.length > 0) {
      if (cm.rich) return selectRichStep;
      return cm.hasConditions ? selectWithConditions : selectPlain;
    }
    const m = cm.mock;
    const body = errorBody(
      'NO_RESPONSE_DEFINED',
      `mock "${m.name}" (${m.method} ${m.path}) has no responses: add a response to it`,
    );
    return (x) => {
      answerError(x, 'NO_RESPONSE_DEFINED', body);
      return undefined;
    };
  },
};

const selectPlain: StageStep = (x) => {
  pick(x, NO_FAILURES);
  return undefined;
};

const selectWithConditions: StageStep = (x) => {
  const failures: ConditionFailure[] = [];
  const lost: AlsoMatched[] = [];
  answer(x, selectResponse(x.mock!, x, x.random, failures, lost)!, failures);
  if (lost.length > 0) x.alsoMatched = lost;
  return undefined;
};

/**
 * A mock using modes, OR logic, scenarios or request numbers (select.ts, selectRich). In
 * fallback mode the response was picked before this step ran (pipeline/fallback-mode.ts).
 */
const selectRichStep: StageStep = (x) => {
  if (x.response !== null) answer(x, x.response, x.conditionFailures);
  else {
    const failures: ConditionFailure[] = [];
    const lost: AlsoMatched[] = [];
    answer(x, selectRich(x.mock!, x, x.random, failures, lost)!, failures);
    if (lost.length > 0) x.alsoMatched = lost;
  }
  return undefined;
};

function pick(x: Exchange, failures: ConditionFailure[]): void {
  // forMock gave this step only to a mock with responses, so there is always one to pick.
  answer(x, selectResponse(x.mock!, x, x.random, failures)!, failures);
}

function answer(x: Exchange, picked: CompiledResponse, failures: ConditionFailure[]): void {
  const r = picked.source;
  x.response = picked;
  x.status = r.statusCode;
  x.headers = picked.headers;
  x.body = r.body;
  x.responseId = r.id;
  x.conditionFailures = failures;
}
