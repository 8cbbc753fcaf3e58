import { z } from 'zod';
import type {
  BodyEncoding,
  Chaos,
  ChaosApplied,
  Mock,
  MockContent,
  MockResponse,
  Project,
  ProjectContent,
  ProxyMode,
  RequestLog,
  ResponseContent,
  Unchecked,
} from '../models';
import { conditionLogicSchema, conditionSchema, normalizeMockPath, storedHeaderMapSchema } from '../models';

/**
 * MockBird's JSON bodies (docs/reference/mockbird-api.md §3–6): snake_case, booleans as 0/1, headers and
 * conditions of responses as JSON strings. The local management API serves these, the
 * cloud contract server serves them under /api/v1, and the cloud client parses them.
 *
 * Success bodies are wrapped as `{ data: … }` (the spec's list, stats and log examples);
 * errors are `{ error: CODE, message, field?, hint? }`.
 */

export interface WireProject {
  project_id: string;
  name: string;
  description: string;
  slug: string;
  user_id: string;
  org_id: string | null;
  is_public: 0 | 1;
  port: number | null;
  /** 1 when this project's request logs keep credentials (local only; set with `logSecrets` on PUT). */
  log_secrets: 0 | 1;
  /**
   * MockDeck's chaos setting (shared/models/chaos.ts, camelCase as `PUT` takes it) or null;
   * local: sync neither sends nor reads it (docs/chaos.md).
   */
  chaos: Chaos | null;
  /**
   * The proxy (docs/proxy.md; local only, like the port; set with `upstreamUrl`, `proxyMode`,
   * `proxyConnectTimeoutMs`, `proxyResponseTimeoutMs`, `recordGeneralizeIds` on PUT).
   */
  upstream_url: string | null;
  proxy_mode: ProxyMode;
  proxy_connect_timeout_ms: number;
  proxy_response_timeout_ms: number;
  record_generalize_ids: 0 | 1;
  /** MockDeck's addition: the faker seed of the project's templates (null: random). */
  templating_seed: number | null;
  mock_count?: number;
  created_at: string;
  updated_at: string;
}

export interface WireMock {
  mock_id: string;
  project_id: string;
  name: string;
  path: string;
  method: string;
  description: string;
  response_type: string;
  response_delay_ms: number;
  response_mode: string;
  /** MockDeck's addition: 'weighted' (the spec's draw) or 'first' (Mockoon's rule). */
  response_selection: string;
  is_active: 0 | 1;
  /** MockDeck's chaos setting or null, as on WireProject. */
  chaos: Chaos | null;
  /** MockDeck's additions: a CRUD route's kind, data bucket (by name) and key field. */
  kind: string;
  bucket: string | null;
  crud_key: string;
  response_count?: number;
  created_at: string;
  updated_at: string;
}

export interface WireResponse {
  response_id: string;
  mock_id: string;
  name: string;
  status_code: number;
  /** JSON string of a header map. */
  headers: string;
  body: string;
  is_default: 0 | 1;
  weight: number;
  /**
   * JSON string of a condition array. MockDeck's targets and operators beyond the spec's
   * (cookie, method, request_number…, null, valid_json_schema…, invert, flags) travel inside
   * it as they are: a MockBird server stores the string, and one that checks it refuses them
   * with its 400, which sync reports; nothing is dropped silently (docs/rules.md, Sync).
   */
  conditions: string;
  /** MockDeck's addition (Mockoon's name): 1 sends body and headers as stored even with `{{`. */
  disable_templating: 0 | 1;
  /** MockDeck's additions (absent from a server that does not know them: read as their defaults). */
  condition_logic: string;
  scenario_name: string;
  required_scenario_state: string;
  new_scenario_state: string;
  created_at: string;
  updated_at: string;
}

export interface WireRequestLog {
  log_id: string;
  mock_id: string | null;
  project_id: string;
  response_id: string | null;
  request_path: string;
  request_method: string;
  request_headers: string;
  request_body: string;
  /** MockDeck's addition: 'base64' when the body's bytes were not UTF-8 text (see BodyEncoding). */
  request_body_encoding: BodyEncoding;
  request_query: string;
  response_status: number;
  response_headers: string;
  response_body: string;
  response_body_encoding: BodyEncoding;
  response_time_ms: number;
  ip_address: string;
  user_agent: string;
  error_code: string | null;
  /** What MockDeck's chaos did to the request (docs/chaos.md); null: nothing. */
  chaos: ChaosApplied | null;
  created_at: string;
  /** MockDeck's addition: the upstream a proxied request went to (docs/proxy.md); null when a mock answered. */
  upstream_url: string | null;
  /** The upstream's status; null when it was not proxied or the upstream did not answer. */
  upstream_status: number | null;
  upstream_time_ms: number | null;
}

export interface WireError {
  error: string;
  message: string;
  field?: string;
  hint?: string;
  /** On a 500: the id under which the server logged the failure (also in X-Request-Id). */
  requestId?: string;
}

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

export function toWireProject(
  p: Project,
  extra: { mockCount?: number; userId?: string; orgId?: string | null } = {},
): WireProject {
  const w: WireProject = {
    project_id: p.id,
    name: p.name,
    description: p.description,
    slug: p.slug,
    user_id: extra.userId ?? 'local',
    org_id: extra.orgId ?? null,
    is_public: bit(p.isPublic),
    port: p.port,
    log_secrets: bit(p.logSecrets),
    chaos: p.chaos,
    upstream_url: p.upstreamUrl,
    proxy_mode: p.proxyMode,
    proxy_connect_timeout_ms: p.proxyConnectTimeoutMs,
    proxy_response_timeout_ms: p.proxyResponseTimeoutMs,
    record_generalize_ids: bit(p.recordGeneralizeIds),
    templating_seed: p.templatingSeed,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
  if (extra.mockCount !== undefined) w.mock_count = extra.mockCount;
  return w;
}

export function toWireMock(m: Mock, responseCount?: number): WireMock {
  const w: WireMock = {
    mock_id: m.id,
    project_id: m.projectId,
    name: m.name,
    path: m.path,
    method: m.method,
    description: m.description,
    response_type: m.responseType,
    response_delay_ms: m.responseDelay,
    response_mode: m.responseMode,
    response_selection: m.responseSelection,
    is_active: bit(m.isActive),
    chaos: m.chaos,
    kind: m.kind,
    bucket: m.bucket,
    crud_key: m.crudKey,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
  if (responseCount !== undefined) w.response_count = responseCount;
  return w;
}

export function toWireResponse(r: MockResponse): WireResponse {
  return {
    response_id: r.id,
    mock_id: r.mockId,
    name: r.name,
    status_code: r.statusCode,
    headers: JSON.stringify(r.headers),
    body: r.body,
    is_default: bit(r.isDefault),
    weight: r.weight,
    conditions: JSON.stringify(r.conditions),
    disable_templating: bit(r.disableTemplating),
    condition_logic: r.conditionLogic,
    scenario_name: r.scenarioName,
    required_scenario_state: r.requiredScenarioState,
    new_scenario_state: r.newScenarioState,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

export function toWireRequestLog(l: RequestLog): WireRequestLog {
  return {
    log_id: l.id,
    mock_id: l.mockId,
    project_id: l.projectId,
    response_id: l.responseId,
    request_path: l.requestPath,
    request_method: l.requestMethod,
    request_headers: JSON.stringify(l.requestHeaders),
    request_body: l.requestBody,
    request_body_encoding: l.requestBodyEncoding ?? 'utf8',
    request_query: JSON.stringify(l.requestQuery),
    response_status: l.responseStatus,
    response_headers: JSON.stringify(l.responseHeaders),
    response_body: l.responseBody,
    response_body_encoding: l.responseBodyEncoding ?? 'utf8',
    response_time_ms: l.responseTimeMs,
    ip_address: l.ipAddress,
    user_agent: l.userAgent,
    error_code: l.errorCode,
    chaos: l.chaos ?? null,
    created_at: l.createdAt,
    upstream_url: l.proxied?.upstream ?? null,
    upstream_status: l.proxied?.upstreamStatus ?? null,
    upstream_time_ms: l.proxied?.upstreamMs ?? null,
  };
}

/* ---- Parsing what a MockBird server sends back (the cloud client uses these). ---- */

const zBit = z.union([z.literal(0), z.literal(1), z.boolean()]).transform((v) => v === 1 || v === true);
const jsonString = <T extends z.ZodType>(inner: T) =>
  z.string().transform((s, ctx) => {
    try {
      const parsed = inner.safeParse(JSON.parse(s));
      if (parsed.success) return parsed.data as z.output<T>;
      ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid JSON content' });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    }
    return z.NEVER;
  });

export const wireProjectSchema = z.object({
  project_id: z.string(),
  name: z.string(),
  description: z
    .string()
    .nullable()
    .transform((v) => v ?? ''),
  slug: z.string(),
  is_public: zBit,
  // A server that does not know templating sends none: no seed.
  templating_seed: z.number().int().nullable().optional(),
  org_id: z.string().nullable().optional(),
  mock_count: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const wireMockSchema = z.object({
  mock_id: z.string(),
  project_id: z.string(),
  name: z.string(),
  path: z.string(),
  method: z.string(),
  description: z
    .string()
    .nullable()
    .transform((v) => v ?? ''),
  response_type: z.string().default('json'),
  response_delay_ms: z.number().default(0),
  response_mode: z.string().default('random'),
  // A server without MockDeck's first-match option leaves it out: the spec's weighted draw.
  response_selection: z.string().default('weighted'),
  is_active: zBit.default(true),
  // A server without MockDeck's CRUD routes leaves these out: a plain mock.
  kind: z.string().default('http'),
  bucket: z.string().nullable().default(null),
  crud_key: z.string().default('id'),
  response_count: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const wireResponseSchema = z.object({
  response_id: z.string(),
  mock_id: z.string(),
  name: z.string(),
  status_code: z.number(),
  // Key-value pairs; MockDeck's addition: a list value is a header sent as repeated lines (two Set-Cookie).
  headers: z.union([jsonString(storedHeaderMapSchema), storedHeaderMapSchema]),
  body: z.string(),
  is_default: zBit,
  weight: z.number(),
  conditions: z.union([jsonString(z.array(conditionSchema)), z.array(conditionSchema)]),
  disable_templating: zBit.default(false),
  condition_logic: conditionLogicSchema.default('and'),
  scenario_name: z.string().default(''),
  required_scenario_state: z.string().default(''),
  new_scenario_state: z.string().default(''),
  created_at: z.string(),
  updated_at: z.string().optional(),
});

export type RemoteProject = z.output<typeof wireProjectSchema>;
export type RemoteMock = z.output<typeof wireMockSchema>;
export type RemoteResponse = z.output<typeof wireResponseSchema>;

/* ---- Content (shared/models/content.ts) to and from the wire ---- */

// MockBird's create and update bodies take the camelCase content fields as they are.
export type ProjectRequestBody = ProjectContent & { slug?: string };
export type MockRequestBody = Unchecked<MockContent>;
export type ResponseRequestBody = ResponseContent;

export const wireProjectContent = (p: RemoteProject): ProjectContent => ({
  name: p.name,
  description: p.description,
  isPublic: p.is_public,
  templatingSeed: p.templating_seed ?? null,
});

/** The server may spell a path `:id` and a method in lower case; content uses the local spelling. */
export const wireMockContent = (m: RemoteMock): Unchecked<MockContent> => ({
  name: m.name,
  path: normalizeMockPath(m.path),
  method: m.method.toUpperCase(),
  description: m.description,
  responseType: m.response_type,
  responseDelay: m.response_delay_ms,
  responseMode: m.response_mode,
  responseSelection: m.response_selection,
  isActive: m.is_active,
  kind: m.kind,
  bucket: m.bucket,
  crudKey: m.crud_key,
});

export const wireResponseContent = (r: RemoteResponse): ResponseContent => ({
  name: r.name,
  statusCode: r.status_code,
  headers: { ...r.headers },
  body: r.body,
  isDefault: r.is_default,
  weight: r.weight,
  conditions: r.conditions.map((c) => ({
    type: c.type,
    field: c.field,
    operator: c.operator,
    value: c.value,
    ...(c.invert !== undefined && { invert: c.invert }),
    ...(c.flags !== undefined && { flags: c.flags }),
  })),
  conditionLogic: r.condition_logic,
  scenarioName: r.scenario_name,
  requiredScenarioState: r.required_scenario_state,
  newScenarioState: r.new_scenario_state,
  disableTemplating: r.disable_templating,
});

export const wireErrorSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  field: z.string().optional(),
  hint: z.string().optional(),
});
