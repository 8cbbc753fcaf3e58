import type {
  AlsoMatched,
  ChaosApplied,
  Condition,
  ConditionFailure,
  FaultKind,
  HeaderMap,
  Mock,
  MockResponse,
  Project,
} from '../../../shared/models';
import type { Readable } from 'node:stream';
import type { ProjectRuntime } from './runtime';

/** One request as the engine sees it, whatever transport received it. */
export interface EngineRequest {
  method: string;
  /** The path after the project prefix (/m/:slug or a dedicated port's root); starts with '/'. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  /**
   * The body's bytes exactly as received (an empty Buffer when there is none): never decoded
   * up front, so a binary upload reaches the log (and, later, a proxied server) intact. Body
   * conditions decode it as UTF-8 only when they read it (body.ts).
   */
  rawBody: Buffer;
  contentType?: string;
  /** The client's address, for templates (`{{ip}}`); the server fills it. */
  ip?: string;
  /** True when the request came to the project's own port (its mocks at the root), not under /m/<slug>; for `{{baseUrl}}`. */
  ownPort?: boolean;
  /**
   * The client's side of the exchange, when a transport has one (its node:http response):
   * what the proxy stage needs and nothing else reads, so the transport passes the object it
   * already holds. `req.url` is the raw URL (the query string exactly as sent); `close`
   * before `writableFinished` means the client went away.
   */
  client?: ClientLink;
}

export interface ClientLink {
  readonly req: {
    readonly url?: string | undefined;
    readonly socket?: { readonly remoteAddress?: string | undefined };
  };
  readonly writableFinished: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * What the proxy stage (main/core/proxy) made of a request no mock matched: the upstream it
 * went to, what that answered and when, and the upstream's body still arriving. Null on
 * every other answer, so the transport looks at it only after an asynchronous stage.
 */
export interface ProxiedAnswer {
  /** The upstream URL the request went to (without the query string). */
  readonly upstream: string;
  /** The upstream's status; null when it did not answer (the 502/504 is MockDeck's). */
  readonly upstreamStatus: number | null;
  /** From sending the request to the upstream's response headers (ms). */
  readonly upstreamMs: number;
  /** The upstream's response headers as they go to the client (set-cookie may be a list); Exchange.headers is the same map, for the log. */
  readonly headers: Readonly<Record<string, string | string[]>>;
  /**
   * The upstream's body, streamed to the client as it arrives (Body is then empty); null
   * when the answer is MockDeck's own. The transport destroys it when the client goes away.
   */
  readonly stream: Readable | null;
}

/**
 * A response body. The rule: a string is text, sent as UTF-8 (what every stored response
 * body is, and what templates render); a Buffer is bytes, sent exactly as they are (what a
 * proxied response or a binary stage produces). Stored bodies stay strings on purpose: Node
 * writes a string body in the same packet as the headers, a Buffer in a second write.
 */
export type Body = string | Buffer;

/** BUCKET_NOT_FOUND: a CRUD mock whose data bucket is not chosen or does not exist (engine/crud). */
export type EngineErrorCode =
  | 'MOCK_NOT_FOUND'
  | 'NO_RESPONSE_DEFINED'
  | 'TEMPLATE_ERROR'
  | 'BUCKET_NOT_FOUND'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'PROXY_LOOP'
  | 'PLUGIN_ERROR';

export interface EngineResult {
  status: number;
  headers: Readonly<HeaderMap>;
  body: Body;
  /** How long the transport waits before it answers (the faults/latency stage sets it). */
  delayMs: number;
  mockId: string | null;
  responseId: string | null;
  errorCode: EngineErrorCode | null;
  conditionFailures: ConditionFailure[];
  /** Conditional responses that matched and lost to the picked one (select.ts); empty: none. */
  alsoMatched: AlsoMatched[];
  /**
   * A network fault chaos drew for this request (null: none): the transport carries it out
   * instead of writing the answer (a reset, a close without bytes, a broken chunk, garbage).
   */
  fault: FaultKind | null;
  /** What chaos did to this request (latency drawn, error injected, fault), for its log row; null: nothing. */
  chaos: ChaosApplied | null;
  /**
   * Null when the answer is final. A promise while an asynchronous stage (a proxy, later)
   * is still working: the other fields are final once it resolves; a rejection means a
   * stage failed (or threw) and the transport answers INTERNAL_ERROR.
   */
  pending: Promise<void> | null;
  /** Set by the proxy stage only; see ProxiedAnswer. */
  proxied: ProxiedAnswer | null;
}

/**
 * The app's chaos kill switch (server/chaos-switch.ts): read on every request that has a
 * chaos step, so turning it off stops all chaos at once without recompiling a project.
 */
export interface ChaosSwitch {
  readonly enabled: boolean;
}

export interface CompileInput {
  project: Project;
  mocks: Mock[];
  responses: MockResponse[];
  /** The project's runtime state; default: the previous compilation's, else a new in-memory one. */
  runtime?: ProjectRuntime;
}

/** Values a condition can read: undefined when the field is absent from the request. */
export type FieldValue = string | string[] | undefined;

/** What a condition reads its field from, built once per request and filled lazily. */
export interface RequestView {
  readonly req: EngineRequest;
  readonly params: Record<string, string>;
  /** Parsed body, memoised; see body.ts. */
  parsed?: ParsedBody | undefined;
  /** The body decoded as UTF-8 text, memoised for the "$" field; see body.ts. */
  text?: string | undefined;
  /** What is left of this request's regex work budget (regex.ts); REGEX_BUDGET before the first regex runs. */
  regexBudget?: number | undefined;
  /** The project's runtime (globals, scenarios, buckets): the exchange's; absent where a caller tests conditions alone. */
  readonly runtime?: ProjectRuntime;
}

export type ParsedBody = { kind: 'json'; value: unknown } | { kind: 'form'; value: URLSearchParams } | { kind: 'raw' };

export interface CompiledCondition {
  readonly source: Condition;
  /**
   * The field value seen, for the log's ConditionFailure.actual: text (FieldValue) for the
   * text operators, the JSON value itself for null/empty_array/array_includes/valid_json_schema.
   */
  read(view: RequestView): unknown;
  /** `view` is the request the value was read from: regex conditions charge its work budget. */
  test(actual: unknown, view?: RequestView): boolean;
}

export interface CompiledResponse {
  readonly source: MockResponse;
  readonly conditions: readonly CompiledCondition[];
  /** Any one condition suffices (conditionLogic 'or'), instead of all of them. */
  readonly anyCondition: boolean;
  /** The scenario state this response requires (a scenario condition), checked before its conditions; null when none. */
  readonly requiredState: CompiledCondition | null;
  /** Picking this response moves scenario `name` to `state`; null when it moves none. */
  readonly transition: { readonly name: string; readonly state: string } | null;
  /** Final headers (CORS, Content-Type, the response's own), built once at compile time. */
  readonly headers: Readonly<HeaderMap>;
  /**
   * Makes this response's body and headers for one request (templating), compiled once per
   * version of the response by the pipeline's renderer compiler; null when the stored body
   * and headers are sent as they are, which is the case the render stage skips.
   */
  readonly render: Renderer | null;
  /** What `render` was compiled from: the mock's and the response's versions. */
  readonly renderVersion: string;
}

/**
 * Turns a picked response into one request's answer: it sets `x.body`, and `x.headers` when
 * it renders header values too; or answers an error itself (a broken template's
 * TEMPLATE_ERROR). See pipeline/render-stage.ts.
 */
export type Renderer = (x: Exchange) => void;

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
  /**
   * Uses what the spec's selection does not (a response mode beyond random/sequential, OR
   * logic, scenarios, request_number): selected by select.ts's selectRich. A mock without
   * any of them runs the spec's selection exactly as before.
   */
  readonly rich: boolean;
  /** Calls this mock answered (request_number conditions read it); counted only for rich mocks. */
  readonly calls: { n: number };
  /** What the pipeline's stages do to a request routed here, in order, identity stages left out. */
  steps: readonly StageStep[];
}

/**
 * One request on its way through the response pipeline: the request, what the stages
 * decided so far, and the answer (it is the EngineResult the transport gets). One object
 * per request, with a fixed shape (pipeline/exchange.ts), so the stages add no allocation.
 */
export interface Exchange extends RequestView, EngineResult {
  readonly project: Project;
  /** The request method, upper-cased. */
  readonly method: string;
  readonly random: () => number;
  /** What the project remembers between requests (globals, scenario states, data buckets). */
  readonly runtime: ProjectRuntime;
  /** Whether chaos may act on this request (the app's kill switch). */
  readonly chaosSwitch: ChaosSwitch;
  /** The mock the route table matched; null when none did (the fallback stages then answer). */
  readonly mock: CompiledMock | null;
  /** The response the select stage picked; null until then, or when there is none to pick. */
  response: CompiledResponse | null;
}

/**
 * What one stage does to one request: it reads and fills the exchange. It returns undefined
 * when it is done, or a promise when it must wait (a proxy, later); only then does the
 * request cost a promise.
 */
export type StageStep = (x: Exchange) => Promise<void> | undefined;

export interface RouteMatch {
  readonly mock: CompiledMock;
  readonly params: Record<string, string>;
}
