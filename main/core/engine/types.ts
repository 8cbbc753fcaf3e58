import type { Condition, ConditionFailure, Mock, MockResponse, Project } from '../../../shared/models';

/** One request as the engine sees it, whatever transport received it. */
export interface EngineRequest {
  method: string;
  /** The path after the project prefix (/m/:slug or a dedicated port's root); starts with '/'. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  rawBody: string;
  contentType?: string;
}

export type EngineErrorCode = 'MOCK_NOT_FOUND' | 'NO_RESPONSE_DEFINED';

export interface EngineResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs: number;
  mockId: string | null;
  responseId: string | null;
  errorCode: EngineErrorCode | null;
  conditionFailures: ConditionFailure[];
}

export interface CompileInput {
  project: Project;
  mocks: Mock[];
  responses: MockResponse[];
}

/** Values a condition can read: undefined when the field is absent from the request. */
export type FieldValue = string | string[] | undefined;

/** What a condition reads its field from, built once per request and filled lazily. */
export interface RequestView {
  readonly req: EngineRequest;
  readonly params: Record<string, string>;
  /** Parsed body, memoised; see body.ts. */
  body: ParsedBody | undefined;
}

export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'form'; value: URLSearchParams } | { kind: 'raw' };

export interface CompiledCondition {
  readonly source: Condition;
  /** The field value seen, for the log's ConditionFailure.actual. */
  read(view: RequestView): FieldValue;
  test(actual: FieldValue): boolean;
}

export interface CompiledResponse {
  readonly source: MockResponse;
  readonly conditions: readonly CompiledCondition[];
  /** Final headers (CORS, Content-Type, the response's own), built once at compile time. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface CompiledMock {
  readonly mock: Mock;
  /** Responses in sort order. */
  readonly responses: readonly CompiledResponse[];
  readonly conditional: readonly CompiledResponse[];
  readonly unconditioned: readonly CompiledResponse[];
  readonly hasConditions: boolean;
  /** Fingerprint of the mock and its responses: sequential state survives recompiles only while it is equal. */
  readonly signature: string;
  /** Next position in sequential mode; mutable, in memory only. */
  seq: number;
}

export interface RouteMatch {
  readonly mock: CompiledMock;
  readonly params: Record<string, string>;
}
