import type { Mock, MockResponse, Project } from '../../../../shared/models';
import type { CompiledMock, Exchange, Renderer, StageStep } from '../types';

/**
 * One stage of the response pipeline (pipeline/index.ts). A stage is asked at compile time,
 * once per compiled mock and once per project, what it does to the requests that reach it,
 * and answers with a step or with undefined: a stage with nothing to do for a mock (no
 * template, no delay…) is left out of that mock's step list and costs its requests nothing.
 */
export interface ResponseStage {
  /** Names the stage, for insertStage() and for errors. */
  readonly name: string;
  /** The step for requests the route table sends to `mock`. */
  forMock?(mock: CompiledMock, project: Project): StageStep | undefined;
  /** The step for requests no active mock matches. */
  forUnmatched?(project: Project): StageStep | undefined;
}

/**
 * Compiles a response into its Renderer, or null when its stored body is sent as it is.
 * Called once per version of a response (its and its mock's updatedAt): a recompiled project
 * reuses the renderers of responses that did not change.
 */
export type RendererCompiler = (response: MockResponse, mock: Mock) => Renderer | null;

export interface Pipeline {
  /** In the order they run. */
  readonly stages: readonly ResponseStage[];
  readonly compileRenderer: RendererCompiler;
  /** How long one asynchronous step may take before the request answers INTERNAL_ERROR. */
  readonly stepTimeoutMs: number;
}

/** Which stage made a step, for the error when it takes too long (looked up only then). */
const stageOfStep = new WeakMap<StageStep, string>();

/**
 * Runs steps from `from` on: synchronously while each returns undefined; from the first
 * that returns a promise on, after it settles, each wait bounded by `timeoutMs`. Undefined
 * when every step was synchronous.
 */
export function runSteps(
  steps: readonly StageStep[],
  x: Exchange,
  from: number,
  timeoutMs: number,
): Promise<void> | undefined {
  for (let i = from; i < steps.length; i++) {
    const step = steps[i]!;
    const wait = step(x);
    if (wait !== undefined) return bounded(wait, step, timeoutMs).then(() => runSteps(steps, x, i + 1, timeoutMs));
  }
  return undefined;
}

function bounded(wait: Promise<void>, step: StageStep, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const name = stageOfStep.get(step) ?? 'unnamed';
      reject(new Error(`pipeline stage "${name}" did not finish within ${ms} ms`));
    }, ms);
  });
  return Promise.race([wait, late]).finally(() => clearTimeout(timer));
}

/** Steps of `stages` for one mock, in order, identity stages left out. */
export function stepsForMock(stages: readonly ResponseStage[], mock: CompiledMock, project: Project): StageStep[] {
  const steps: StageStep[] = [];
  for (const s of stages) {
    const step = s.forMock?.(mock, project);
    if (step) steps.push(named(step, s));
  }
  return steps;
}

/** Steps of `stages` for requests no mock matches, in order. */
export function stepsForUnmatched(stages: readonly ResponseStage[], project: Project): StageStep[] {
  const steps: StageStep[] = [];
  for (const s of stages) {
    const step = s.forUnmatched?.(project);
    if (step) steps.push(named(step, s));
  }
  return steps;
}

function named(step: StageStep, stage: ResponseStage): StageStep {
  stageOfStep.set(step, stage.name);
  return step;
}
