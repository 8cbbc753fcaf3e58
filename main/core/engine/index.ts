/**
 * The transport-free mock engine: compile a project once, then answer requests from it.
 * The local fastify server (main/core/server) and the cloud contract server both use this.
 *
 *   const compiled = compileProject({ project, mocks, responses });
 *   const result = executeRequest(compiled, { method, path, headers, query, rawBody, contentType }, { random: Math.random });
 *
 * `path` is the part after the project prefix and starts with '/'. Sequential-mode
 * positions live inside CompiledProject; pass the previous compilation as the second
 * argument of compileProject to keep them for mocks that did not change. CompiledProject is
 * not thread-safe by design (one per process is the intent).
 */
export { compileProject, type CompiledProject } from './compile';
export { executeRequest, errorBody, transportError, type ExecutionErrorCode } from './execute';
export { CORS_HEADERS, ERROR_HEADERS } from './cors';
export { RAW_BODY_FIELD } from './body';
export { compileSafeRegex } from './regex';
export type { EngineRequest, EngineResult, EngineErrorCode, CompileInput } from './types';
