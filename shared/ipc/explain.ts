import { z } from 'zod';
import { call, reads } from './call-meta';

/** Why a logged request got the answer it got: what the log viewer shows, as data. */
export interface RequestExplanation {
  id: string;
  /** "GET /users/42" (the path inside the project). */
  request: string;
  status: number;
  outcome: 'mock' | 'no-mock' | 'proxied' | 'error';
  mock: { id: string; name: string; method: string; path: string } | null;
  response: { id: string; name: string; statusCode: number } | null;
  /** Responses of the mock whose conditions did not hold, each with the first that failed. */
  notChosen: { response: string; condition: string; actual: string | null }[];
  /** For a request no mock answered: mocks that nearly did, and why not. */
  nearMisses: { mock: string; why: string }[];
  /** One or two sentences a user (or an assistant) can act on. */
  summary: string;
}

export const explainCalls = {
  'requestLogs.explain': call(
    z.object({ id: z.string().min(1, 'id (a request log id) is required').max(100) }),
    reads(
      'Explains one logged request: which mock and response answered it and why, which responses lost and on which condition, or — when no mock matched — which mocks nearly did.',
      'cli',
      'mcp',
    ),
  ).returns<RequestExplanation>(),
};
