import type { CompiledProject } from './compile';
import { ResponseExchange } from './pipeline/exchange';
import { runSteps } from './pipeline/stage';
import type { ChaosSwitch, EngineRequest, EngineResult, Exchange } from './types';

/** No kill switch given (tests, tools): chaos acts as its settings say. */
const CHAOS_ON: ChaosSwitch = Object.freeze({ enabled: true });

/**
 * Answers one request from a compiled project: the route table picks the mock, then the
 * project's pipeline (pipeline/index.ts) runs that mock's steps, or the unmatched ones.
 * Synchronous unless a stage must wait (then `pending`), or failed (then `pending` rejects).
 * Never throws for user data.
 */
export function executeRequest(
  compiled: CompiledProject,
  req: EngineRequest,
  deps: { random: () => number; chaos?: ChaosSwitch },
): EngineResult {
  const method = req.method.toUpperCase();
  const match = compiled.routes.match(method, req.path);
  const x = new ResponseExchange(
    req,
    compiled.project,
    method,
    deps.random,
    compiled.runtime,
    deps.chaos ?? CHAOS_ON,
    match,
  );
  let wait: Promise<void> | undefined;
  try {
    wait = runSteps(match ? match.mock.steps : compiled.unmatched, x, 0, compiled.pipeline.stepTimeoutMs);
  } catch (e) {
    // A stage that throws has failed like one whose promise rejects: the transport answers
    // INTERNAL_ERROR from this exchange, so the log still names the mock that was matched.
    wait = Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  if (wait === undefined) mustHaveAnswered(x);
  else x.pending = wait.then(() => mustHaveAnswered(x));
  return x;
}

function mustHaveAnswered(x: Exchange): void {
  if (x.status === 0) {
    throw new Error(
      `no pipeline stage answered ${x.method} ${x.req.path} in project "${x.project.name}": a pipeline must end with a stage that always answers (fallback)`,
    );
  }
}
