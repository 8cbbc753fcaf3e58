import { z } from 'zod';
import { chaosAppliedSchema } from './chaos';
import { conditionSchema } from './condition';
import { storedHeaderMapSchema } from './response';

/** Why a response was not picked: the first condition that failed, with what was seen. */
export const conditionFailureSchema = z.object({
  responseId: z.string(),
  responseName: z.string(),
  condition: conditionSchema,
  actual: z.string().nullable(),
});
export type ConditionFailure = z.infer<typeof conditionFailureSchema>;

/**
 * A conditional response whose conditions all held but which did not answer: it lost the
 * weighted draw, or came after the first match (the mock's responseSelection, docs/routes.md).
 */
export const alsoMatchedSchema = z.object({
  responseId: z.string(),
  responseName: z.string(),
  rule: z.enum(['weighted', 'first', 'sequential']),
});
export type AlsoMatched = z.infer<typeof alsoMatchedSchema>;

/**
 * How a logged body is written. 'utf8': the body's text. 'base64': the body's bytes were not
 * UTF-8 text (an image, a zip, a cut-off binary upload) and are given in base64, so nothing
 * is lost or garbled. Absent means 'utf8' (logs written before MockDeck recorded it).
 */
export const BODY_ENCODINGS = ['utf8', 'base64'] as const;
export const bodyEncodingSchema = z.enum(BODY_ENCODINGS);
export type BodyEncoding = z.infer<typeof bodyEncodingSchema>;

/**
 * A request the project's proxy sent to its upstream server (docs/proxy.md): where to, what
 * the upstream answered (null when it did not: the 502/504 was MockDeck's) and how long it
 * took to answer (ms, to its response headers).
 */
export const proxiedLogSchema = z.object({
  upstream: z.string(),
  upstreamStatus: z.number().int().nullable(),
  upstreamMs: z.number(),
});
export type ProxiedLog = z.infer<typeof proxiedLogSchema>;

/**
 * A request served through a federation (/f/<name>/…, docs/federation.md): the federation
 * (its id, and its name when the request came), the service that answered and its reality level.
 */
export const federationLogSchema = z.object({
  id: z.string(),
  name: z.string(),
  service: z.string(),
  realityLevel: z.string(),
});
export type FederationLog = z.infer<typeof federationLogSchema>;

export const requestLogSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  mockId: z.string().nullable(),
  responseId: z.string().nullable(),
  requestPath: z.string(),
  requestMethod: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestQuery: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  requestBody: z.string(),
  requestBodyEncoding: bodyEncodingSchema.optional(),
  responseStatus: z.number().int(),
  /** What was sent; a list value is a header sent as repeated lines (two Set-Cookie). */
  responseHeaders: storedHeaderMapSchema,
  responseBody: z.string(),
  responseBodyEncoding: bodyEncodingSchema.optional(),
  responseBodyTruncated: z.boolean(),
  responseTimeMs: z.number(),
  ipAddress: z.string(),
  userAgent: z.string(),
  errorCode: z.string().nullable(),
  conditionFailures: z.array(conditionFailureSchema),
  /** Responses whose conditions held but which lost to the one that answered; absent: none. */
  alsoMatched: z.array(alsoMatchedSchema).optional(),
  createdAt: z.string(),
  /** What chaos did to this request (shared/models/chaos.ts); null or absent: nothing. */
  chaos: chaosAppliedSchema.nullable().optional(),
  /** Set when the request was proxied; absent or null when a mock (or MockDeck) answered it. */
  proxied: proxiedLogSchema.nullable().optional(),
  /** Set when the request came through a federation; absent or null otherwise. */
  federation: federationLogSchema.nullable().optional(),
});
export type RequestLog = z.infer<typeof requestLogSchema>;

const isoDate = (field: string) =>
  z.iso.datetime({ offset: true, message: `${field} must be an ISO 8601 date, e.g. 2026-02-01T00:00:00Z` }).optional();
/** When a request arrived, both bounds inclusive: the REST query and the log viewer's filter read it alike. */
const dateRange = { startDate: isoDate('startDate'), endDate: isoDate('endDate') };

export const requestLogQuerySchema = z.object({
  projectId: z.string().optional(),
  mockId: z.string().optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  limit: z.coerce.number().int().min(1).max(100, 'limit is at most 100').default(50),
  ...dateRange,
});
export type RequestLogQuery = z.input<typeof requestLogQuerySchema>;

/** A log row as lists show it: no bodies, so a flood stays cheap to push and render. */
export type RequestLogSummary = Omit<
  RequestLog,
  'requestHeaders' | 'requestBody' | 'responseHeaders' | 'responseBody'
> & {
  mockName: string | null;
  responseName: string | null;
};

/** What the log list filters on: one project, optionally one mock, a method, a status class, path text. */
export const requestLogFilterSchema = z.object({
  projectId: z.string().min(1, 'id is required'),
  mockId: z.string().optional(),
  method: z.string().optional(),
  statusClass: z.enum(['1xx', '2xx', '3xx', '4xx', '5xx']).optional(),
  pathText: z.string().max(500).optional(),
  /** Only requests no mock matched (404s, proxied requests). */
  unmatched: z.boolean().optional(),
  ...dateRange,
});
export type RequestLogFilter = z.infer<typeof requestLogFilterSchema>;

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

export interface MockStats {
  mockId: string;
  name: string;
  path: string;
  method: string;
  totalRequests: number;
  lastRequestAt: string | null;
  avgResponseTimeMs: number | null;
  /** Requests each of its responses answered (responses created since the counts began: 0). */
  responses: ResponseStats[];
}

export interface ResponseStats {
  responseId: string;
  name: string;
  statusCode: number;
  totalRequests: number;
}

/**
 * Hit counts that add up: totalRequests = Σ mocks + unmatchedRequests + deletedMockRequests
 * = Σ statuses. Counted as requests arrive, so they include requests whose log rows
 * retention has trimmed.
 */
export interface ProjectStats {
  projectId: string;
  totalRequests: number;
  lastRequestAt: string | null;
  mocks: MockStats[];
  /** Requests no mock matched (404s, proxied requests, chaos on unmatched requests). */
  unmatchedRequests: number;
  /** Requests answered by mocks since deleted. */
  deletedMockRequests: number;
  /** Per status code sent, ascending. */
  statuses: { status: number; totalRequests: number }[];
}

/** How many request-log rows are kept (docs/request-logs.md "Retention"). */
export interface LogRetentionState {
  /** Rows kept by projects without their own retention. */
  defaultRetention: number;
  /** The project's own retention (null: the default), when a project was asked about. */
  projectRetention?: number | null;
  /** The rows the project keeps: its own retention, else the default. */
  effective?: number;
  /** Rows the project's log holds now (trimming runs in the background, so briefly more). */
  rows?: number;
}

/** What a filtered request log exports as (docs/request-logs.md "Export"). */
export const LOG_EXPORT_FORMATS = ['har', 'ndjson'] as const;
export type LogExportFormat = (typeof LOG_EXPORT_FORMATS)[number];
/** Rows one requestLogs.export call returns at most: a chunk, so any size streams. */
export const MAX_LOG_EXPORT_CHUNK = 2000;

/** One chunk of an export; the chunks of one export, concatenated, are the document. */
export interface LogExportChunk {
  text: string;
  /** Pass as `after` for the next chunk; null: this was the last. */
  next: string | null;
  /** Rows in this chunk. */
  count: number;
}
