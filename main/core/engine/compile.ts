import { CONTENT_TYPES, type HeaderMap, type Mock, type MockResponse, type Project } from '../../../shared/models';
import { compileCondition, type ConditionContext } from './conditions';
import { CORS_HEADERS } from './cors';
import { addCrudRoutes } from './crud/crud-stage';
import { DEFAULT_PIPELINE } from './pipeline';
import { fallbackModeStep } from './pipeline/fallback-mode';
import { stepsForMock, stepsForUnmatched, type Pipeline } from './pipeline/stage';
import { RouteTable } from './router';
import { createMemoryRuntime, type ProjectRuntime } from './runtime';
import type { CompileInput, CompiledMock, CompiledResponse, Renderer, StageStep } from './types';

/** A project's routes and responses, ready to answer requests without touching the store. */
export interface CompiledProject {
  readonly project: Project;
  readonly routes: RouteTable;
  /** Every mock by id, active or not (the server uses it to name mocks in logs). */
  readonly mocks: ReadonlyMap<string, CompiledMock>;
  /** The pipeline's steps for a request no active mock matches. */
  readonly unmatched: readonly StageStep[];
  /** The pipeline this was compiled for. */
  readonly pipeline: Pipeline;
  /** What the project remembers between requests; carried over to the next compilation. */
  readonly runtime: ProjectRuntime;
}

/**
 * Builds the route table and pre-computes each response's headers, conditions and renderer,
 * and each mock's pipeline steps, so a request does a route lookup and a few comparisons,
 * nothing more. Pass the previous compilation to keep the sequential position of mocks that
 * did not change, and the renderers of responses that did not change.
 */
export function compileProject(
  input: CompileInput,
  previous?: CompiledProject,
  pipeline: Pipeline = previous?.pipeline ?? DEFAULT_PIPELINE,
): CompiledProject {
  const byMock = new Map<string, MockResponse[]>();
  for (const r of input.responses) {
    const list = byMock.get(r.mockId);
    if (list) list.push(r);
    else byMock.set(r.mockId, [r]);
  }
  const reuse = previous?.pipeline === pipeline ? previous : undefined;
  const routes = new RouteTable();
  const mocks = new Map<string, CompiledMock>();
  for (const mock of input.mocks) {
    const before = previous?.mocks.get(mock.id);
    const cm = compileMock(mock, byMock.get(mock.id) ?? [], pipeline, reuse && before);
    if (before && before.signature === cm.signature) {
      cm.seq = before.seq;
      cm.calls.n = before.calls.n;
    }
    cm.steps = stepsForMock(pipeline.stages, cm, input.project);
    mocks.set(mock.id, cm);
    if (!mock.isActive) continue;
    if (mock.kind === 'crud') addCrudRoutes(routes, mock.path, cm);
    else routes.add(mock.method.toUpperCase(), mock.path, cm);
  }
  const unmatched = stepsForUnmatched(pipeline.stages, input.project);
  for (const cm of mocks.values()) {
    if (cm.mock.responseMode === 'fallback') {
      cm.steps = [fallbackModeStep(cm, cm.steps, routes, unmatched, pipeline.stepTimeoutMs)];
    }
  }
  return {
    project: input.project,
    routes,
    mocks,
    unmatched,
    pipeline,
    runtime: input.runtime ?? previous?.runtime ?? createMemoryRuntime(),
  };
}

function compileMock(
  mock: Mock,
  list: MockResponse[],
  pipeline: Pipeline,
  before: CompiledMock | undefined,
): CompiledMock {
  const calls = { n: 0 };
  const responses = [...list]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((r) => compileResponse(mock, r, pipeline, before, calls));
  const conditional = responses.filter((r) => r.conditions.length > 0 || r.requiredState !== null);
  return {
    mock,
    responses,
    conditional,
    unconditioned: responses.filter((r) => r.conditions.length === 0 && r.requiredState === null),
    hasConditions: conditional.length > 0,
    rich:
      (mock.responseMode !== 'random' && mock.responseMode !== 'sequential') ||
      responses.some(
        (r) =>
          r.anyCondition ||
          r.requiredState !== null ||
          r.transition !== null ||
          r.source.conditions.some((c) => c.type === 'request_number'),
      ),
    calls,
    signature: [
      mock.updatedAt,
      mock.responseMode,
      mock.responseSelection,
      ...responses.map((r) => `${r.source.id}@${r.source.updatedAt}#${r.source.sortOrder}`),
    ].join('|'),
    seq: 0,
    steps: [],
  };
}

function compileResponse(
  mock: Mock,
  r: MockResponse,
  pipeline: Pipeline,
  before: CompiledMock | undefined,
  calls: ConditionContext['calls'],
): CompiledResponse {
  // Header names are case-insensitive; lowercase keys let the response's own Content-Type replace the default.
  const headers: HeaderMap = {
    ...CORS_HEADERS,
    'content-type': CONTENT_TYPES[mock.responseType] ?? CONTENT_TYPES.json,
  };
  for (const [name, value] of Object.entries(r.headers)) headers[name.toLowerCase()] = value;
  const renderVersion = `${mock.updatedAt}|${r.updatedAt}`;
  const same = before?.responses.find((p) => p.source.id === r.id && p.renderVersion === renderVersion);
  return {
    source: r,
    conditions: r.conditions.map((c) => compileCondition(c, { calls })),
    // One condition is "any" of one: OR logic matters only from two conditions on.
    anyCondition: r.conditionLogic === 'or' && r.conditions.length > 1,
    ...scenarioOf(r),
    headers: Object.freeze(headers),
    render: same ? same.render : compileRenderer(pipeline, r, mock),
    renderVersion,
  };
}

/** A response's scenario requirement, as a scenario condition (so the log names it), and its transition. */
function scenarioOf(r: MockResponse): Pick<CompiledResponse, 'requiredState' | 'transition'> {
  const name = r.scenarioName;
  if (!name) return { requiredState: null, transition: null };
  return {
    requiredState: r.requiredScenarioState
      ? compileCondition({ type: 'scenario', field: name, operator: 'equals', value: r.requiredScenarioState })
      : null,
    transition: r.newScenarioState ? { name, state: r.newScenarioState } : null,
  };
}

/** A response whose renderer cannot be compiled answers INTERNAL_ERROR naming it, instead of failing its whole project. */
function compileRenderer(pipeline: Pipeline, r: MockResponse, mock: Mock): Renderer | null {
  try {
    return pipeline.compileRenderer(r, mock);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const message = `response "${r.name}" of mock "${mock.name}" cannot be rendered (${why}): fix its body in MockDeck`;
    return () => {
      throw new Error(message);
    };
  }
}
