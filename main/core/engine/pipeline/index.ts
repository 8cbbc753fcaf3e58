/**
 * The response pipeline: how a request routed into a compiled project becomes its answer.
 *
 *   route match → [crud] → select → render → faults/latency → fallback
 *
 * The route table (router.ts) picks the mock, or none. Then the stages run in order on one
 * Exchange: crud answers a CRUD mock from its data bucket (crud/, CRUD mocks only); select picks the response (conditions, weight, sequence); render makes its body
 * for this request (identity until templating); faults sets the delay (chaos later); fallback
 * answers what no mock matched (MOCK_NOT_FOUND; proxy and record plug in before it). Each
 * stage compiles to a step per mock (and one for unmatched requests) when the project is
 * compiled, and says "nothing to do" where it has none, so a static mock runs just the
 * select step: no promise, no allocation beyond the Exchange. A step returns a promise only
 * when it must wait; the request then finishes asynchronously (EngineResult.pending), and
 * each such wait is bounded (Pipeline.stepTimeoutMs), so a hung upstream cannot hold it.
 */
import { crudStage } from '../crud/crud-stage';
import { faultsStage } from './faults-stage';
import { fallbackStage } from './fallback-stage';
import { renderStage, storedBodies } from './render-stage';
import { selectStage } from './select-stage';
import type { Pipeline, RendererCompiler, ResponseStage } from './stage';

export const DEFAULT_STAGES: readonly ResponseStage[] = Object.freeze([
  crudStage,
  selectStage,
  renderStage,
  faultsStage,
  fallbackStage,
]);

/** Long enough for a slow upstream server, short enough that a hung one does not hold a request forever. */
export const DEFAULT_STEP_TIMEOUT_MS = 30_000;

export const DEFAULT_PIPELINE: Pipeline = Object.freeze({
  stages: DEFAULT_STAGES,
  compileRenderer: storedBodies,
  stepTimeoutMs: DEFAULT_STEP_TIMEOUT_MS,
});

export function createPipeline(opts: {
  stages?: readonly ResponseStage[];
  compileRenderer?: RendererCompiler;
  stepTimeoutMs?: number;
}): Pipeline {
  const stages = opts.stages ?? DEFAULT_STAGES;
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new Error(`two pipeline stages are named "${s.name}": give each stage its own name`);
    names.add(s.name);
  }
  const stepTimeoutMs = opts.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  if (!(stepTimeoutMs > 0))
    throw new Error(`stepTimeoutMs must be a positive number of milliseconds, got ${stepTimeoutMs}`);
  return Object.freeze({
    stages: Object.freeze([...stages]),
    compileRenderer: opts.compileRenderer ?? storedBodies,
    stepTimeoutMs,
  });
}

/** A copy of `pipeline` with `stage` placed right before or after the stage named `at`. */
export function insertStage(
  pipeline: Pipeline,
  stage: ResponseStage,
  at: { before: string } | { after: string },
): Pipeline {
  const name = 'before' in at ? at.before : at.after;
  const i = pipeline.stages.findIndex((s) => s.name === name);
  if (i < 0) {
    const known = pipeline.stages.map((s) => s.name).join(', ');
    throw new Error(`no pipeline stage is named "${name}" (the stages are: ${known})`);
  }
  const stages = [...pipeline.stages];
  stages.splice('before' in at ? i : i + 1, 0, stage);
  return createPipeline({ stages, compileRenderer: pipeline.compileRenderer, stepTimeoutMs: pipeline.stepTimeoutMs });
}

export { crudStage, selectStage, renderStage, faultsStage, fallbackStage, storedBodies };
export { ResponseExchange } from './exchange';
export { runSteps, type Pipeline, type RendererCompiler, type ResponseStage } from './stage';
