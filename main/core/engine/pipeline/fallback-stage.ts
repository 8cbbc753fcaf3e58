import { answerError, errorBody } from '../errors';
import type { ResponseStage } from './stage';

/**
 * What answers a request no active mock matches: §8's MOCK_NOT_FOUND 404. Proxying to a
 * real server (and recording it) plugs in before this stage and answers first; this stage
 * answers only what nothing else did.
 */
export const fallbackStage: ResponseStage = {
  name: 'fallback',
  forUnmatched: (project) => (x) => {
    if (x.status !== 0) return undefined;
    answerError(
      x,
      'MOCK_NOT_FOUND',
      errorBody(
        'MOCK_NOT_FOUND',
        `no active mock matches ${x.method} ${x.req.path} in project "${project.name}": check the method and path, or create or activate the mock`,
      ),
    );
    return undefined;
  },
};
