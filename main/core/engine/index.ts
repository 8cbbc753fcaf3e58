/**
 * The transport-free mock engine: compile a project once, then answer requests from it.
 * The local fastify server (main/core/server) and the cloud contract server both use this.
 *
 *   const compiled = compileProject({ project, mocks, responses });
 *   const result = executeRequest(compiled, { method, path, headers, query, rawBody, contentType }, { random: Math.random });
 *   if (result.pending) await result.pending; // only when a stage had to wait
 *
 * `path` is the part after the project prefix and starts with '/'; `rawBody` is the body's
 * bytes. The answer is made by the response pipeline (pipeline/index.ts); pass a Pipeline
 * as compileProject's third argument to add stages or a renderer compiler. Sequential-mode
 * positions live inside CompiledProject; pass the previous compilation as the second
 * argument of compileProject to keep them for mocks that did not change. CompiledProject is
 * not thread-safe by design (one per process is the intent).
 */
export { compileProject, type CompiledProject } from './compile';
export { executeRequest } from './execute';
export { answerError, errorBody, transportError, type ExecutionErrorCode } from './errors';
export { CORS_HEADERS, ERROR_HEADERS } from './cors';
export { RAW_BODY_FIELD } from './body';
export { compileSafeRegex } from './regex';
export { createMemoryRuntime, SCENARIO_START_STATE, type ProjectRuntime } from './runtime';
export {
  DEFAULT_PIPELINE,
  createPipeline,
  insertStage,
  selectStage,
  renderStage,
  faultsStage,
  fallbackStage,
  crudStage,
  type Pipeline,
  type RendererCompiler,
  type ResponseStage,
} from './pipeline';
export type {
  Body,
  ChaosSwitch,
  ClientLink,
  EngineRequest,
  EngineResult,
  EngineErrorCode,
  CompileInput,
  Exchange,
  ProxiedAnswer,
  Renderer,
  StageStep,
} from './types';
