import { z } from 'zod';
import type {
  DataBucket,
  DataBucketWithValue,
  FetchedDocument,
  ImportPreview,
  ImportProjectResult,
  MockWritten,
  MockResponse,
  MockSummary,
  MockWithResponses,
  Pagination,
  Project,
  ProjectStats,
  ProjectSummary,
  ProjectWithMocks,
  RecordingStatus,
  RequestLog,
  RequestLogSummary,
  LogRetentionState,
  LogExportChunk,
  ScenarioState,
} from '../models';
import {
  bucketCreateSchema,
  bucketUpdateSchema,
  requestLogFilterSchema,
  logRetentionSchema,
  LOG_EXPORT_FORMATS,
  MAX_LOG_EXPORT_CHUNK,
  mockCreateSchema,
  mockUpdateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  responseCreateSchema,
  responseUpdateSchema,
  scenarioResetSchema,
  chaosSwitchSchema,
  EXPORT_FORMATS,
  IMPORT_FORMATS,
} from '../models';
import type { AppErrorShape, Result } from './result';
import { call, reads, writes, type Transport } from './call-meta';
import { cloudCalls, cloudEvents } from './cloud';
import { teamCalls } from './cloud-team';
import { marketEvents, marketplaceCalls } from './marketplace';
import { cloudAccountCalls } from './cloud-account';
import { templatingCalls } from './templating';
import { explainCalls } from './explain';
import { pluginCalls } from './plugins';
import { aiCalls } from './ai';
import { pipelineCalls, pipelineEvents } from './pipelines';
import { federationCalls } from './federation';

// Model types the calls return live in shared/models (the store and catalog use them too);
// they are re-exported here for the transports and the renderer.
export type {
  ImportProjectResult,
  MockWithResponses,
  ProjectWithMocks,
  RequestLogFilter,
  RequestLogSummary,
} from '../models';
export { requestLogFilterSchema } from '../models';
export { TRANSPORTS, type CallMeta, type Transport } from './call-meta';
export {
  examplePath,
  type ResolvedSample,
  type SampleRequest,
  type TemplateHelperDoc,
  type TemplatePreview,
  type TemplateProblem,
} from './templating';

/**
 * The one list of renderer→main calls and main→renderer events. Every transport (Electron
 * IPC, the loopback web bridge, direct calls in tests) serves exactly this table, and main
 * validates every input with these schemas whatever the transport.
 *
 * Names read `feature.verb`. Add a call here, with its metadata (call-meta.ts), then its
 * handler in main/core/handlers.
 */

const id = z.string().min(1, 'id is required');
const none = z.object({}).strict().optional();

export interface ListenerState {
  /** Base URL clients call, e.g. http://127.0.0.1:3001 */
  url: string | null;
  host: string;
  port: number;
  running: boolean;
  error: AppErrorShape | null;
}

export interface ServerState extends ListenerState {
  /** Projects served at the root of their own port. */
  projectPorts: (ListenerState & { projectId: string })[];
  /** The chaos kill switch (off: no mock or project injects anything) and how many mocks and projects have a chaos setting. */
  chaos: { enabled: boolean; settings: number };
}

export interface AppInfo {
  version: string;
  dataDir: string | null;
  platform: string;
  transport: Transport;
}

/**
 * The last page number a log query takes: far past any log (a page holds up to 100 rows),
 * and small enough that its row offset stays an exact integer that SQLite's 64-bit OFFSET holds.
 */
export const MAX_LOG_PAGE = 1_000_000_000;
/** The same bound for the viewer's row offset. */
export const MAX_LOG_OFFSET = 100 * MAX_LOG_PAGE;

/** The REST API's log page (mockbird-api.md §6): full rows, newest first, by page number. */
export const requestLogPageSchema = z
  .object({
    projectId: z.string().min(1).optional(),
    mockId: z.string().min(1).optional(),
    /** ISO 8601; rows at or after it. */
    startDate: z.iso.datetime({ offset: true }).optional(),
    /** ISO 8601; rows at or before it. */
    endDate: z.iso.datetime({ offset: true }).optional(),
    page: z
      .number()
      // Before int(): 1e20 is also not a safe integer, and this message names the real limit.
      .max(MAX_LOG_PAGE, { message: `must be ${MAX_LOG_PAGE} or less: no log has that many pages` })
      .int()
      .min(1)
      .default(1),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((f) => f.projectId !== undefined || f.mockId !== undefined, {
    message: 'give a projectId or a mockId',
    path: ['projectId'],
  });

/** A document to import (projects.import, projects.previewImport, POST /projects/import). */
export const importDocumentSchema = z.object({
  text: z.string().max(64 * 1024 * 1024, 'a document to import is at most 64 MiB'),
  /** Names the file in messages: a path, "stdin"… */
  source: z.string().max(1000).default('the project file'),
  format: z
    .enum(['auto', ...IMPORT_FORMATS], { message: `format must be auto or one of ${IMPORT_FORMATS.join(', ')}` })
    .default('auto'),
  /** The new project's name instead of the document's own. */
  name: z.string().trim().min(1, 'name cannot be empty').max(200).optional(),
  /** keep: the document's base path (OpenAPI servers, Mockoon's prefix) goes in front of every mock path. */
  basePath: z.enum(['keep', 'drop'], { message: 'basePath must be keep or drop' }).default('keep'),
  /**
   * Files the document refers to by relative path (a Mockoon environment's file bodies), read
   * by the caller from the document's folder: `mockdeck import` passes them. Absent: such
   * bodies are listed as not mapped.
   */
  files: z
    .record(z.string().max(1000), z.string().max(5 * 1024 * 1024, 'a referenced file is at most 5 MiB'))
    .refine((f) => Object.keys(f).length <= 1000, 'at most 1000 referenced files')
    .optional(),
});

/** A project as a MockDeck project file: versioned JSON without ids, links or secrets. */
export interface ProjectFileText {
  /** e.g. "my-api.mockdeck.json" */
  fileName: string;
  text: string;
  /** What the format could not carry (OpenAPI and Mockoon exports). */
  warnings?: string[];
}

export interface BatchCreateResult {
  project: Project;
  mockCount: number;
  responseCount: number;
}

export const calls = {
  'app.info': call(
    none,
    reads('Shows the MockDeck version, data folder and platform.', 'cli', 'mcp'),
  ).returns<AppInfo>(),

  'projects.list': call(
    z.object({ search: z.string().max(200).optional() }).optional(),
    reads('Lists the projects, optionally only those whose name or slug contains a text.', 'rest', 'cli', 'mcp'),
  ).returns<ProjectSummary[]>(),
  'projects.get': call(
    z.object({ id }),
    reads('Shows one project with its mocks.', 'rest', 'cli', 'mcp'),
  ).returns<ProjectWithMocks>(),
  'projects.create': call(
    projectCreateSchema,
    writes('Creates an empty project.', 'rest', 'cli', 'mcp'),
  ).returns<Project>(),
  /** The catalog checks the payload against its batch-create schema (the shape of mockbird-api.md §3). */
  'projects.batchCreate': call(
    z.record(z.string(), z.unknown()),
    writes('Creates a project with all its endpoints and their responses at once, or nothing.', 'rest', 'cli', 'mcp'),
  ).returns<BatchCreateResult>(),
  'projects.export': call(
    z.object({
      project: z.string().min(1, 'project (a slug or an id) is required').max(200),
      format: z
        .enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
        .default('native'),
    }),
    reads(
      'Writes a project with its mocks and responses as a MockDeck project file, an OpenAPI 3.1 document or a Mockoon environment.',
      'cli',
      'mcp',
    ),
  ).returns<ProjectFileText>(),
  'projects.import': call(
    importDocumentSchema,
    writes(
      'Creates a new project from a document — a MockDeck project file, OpenAPI 2.0/3.x, a Mockoon environment, a Postman collection, a HAR file or a Markdown API reference — all of it or nothing, with a report of what could not be mapped.',
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<ImportProjectResult>(),
  'projects.previewImport': call(
    importDocumentSchema,
    reads('Reads a document as projects.import would and tells what it would create and skip, writing nothing.', 'cli'),
  ).returns<ImportPreview>(),
  'projects.fetchImport': call(
    z.object({ url: z.string().trim().min(1, 'url is required').max(4000, 'url is longer than 4000 characters') }),
    reads(
      'Downloads a document to import from an http(s) URL (at most 64 MiB, 30 s) for the import dialog, which then previews and imports its text.',
    ),
  ).returns<FetchedDocument>(),
  'projects.update': call(
    z.object({ id, patch: projectUpdateSchema }),
    writes(
      "Changes a project's name, description, slug, visibility, dedicated port, templatingSeed (repeatable fake data in templates), logSecrets (keep credentials in its request logs) or proxy settings (upstreamUrl, proxyMode off|passthrough|record, proxyConnectTimeoutMs, proxyResponseTimeoutMs, recordGeneralizeIds).",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<Project>(),
  'projects.delete': call(
    z.object({ id }),
    writes('Deletes a project with its mocks, responses and request logs.', 'rest', 'cli', 'mcp'),
  ).returns<{ deleted: true }>(),
  'projects.duplicate': call(
    z.object({ id }),
    writes('Copies a project with all its mocks and responses.', 'rest', 'cli', 'mcp'),
  ).returns<Project>(),

  'proxy.recording': call(
    z.object({ projectId: id }),
    reads(
      'What record mode recorded for a project since MockDeck started: how many mocks, how many answers it skipped, the newest ones. Switch recording on and off with projects.update (proxyMode).',
      'cli',
      'mcp',
    ),
  ).returns<RecordingStatus>(),

  'mocks.list': call(
    z.object({ projectId: id }),
    reads("Lists a project's mocks with their hit counts.", 'rest', 'cli', 'mcp'),
  ).returns<MockSummary[]>(),
  'mocks.get': call(
    z.object({ id }),
    reads('Shows one mock with its responses.', 'rest', 'cli', 'mcp'),
  ).returns<MockWithResponses>(),
  'mocks.create': call(
    z.object({ projectId: id, mock: mockCreateSchema }),
    writes('Adds a mock (a method and a path) to a project.', 'rest', 'cli', 'mcp'),
  ).returns<MockWritten>(),
  'mocks.update': call(
    z.object({ id, patch: mockUpdateSchema }),
    writes("Changes a mock's name, method, path, delay or response mode.", 'rest', 'cli', 'mcp'),
  ).returns<MockWritten>(),
  'mocks.delete': call(z.object({ id }), writes('Deletes a mock with its responses.', 'rest', 'cli', 'mcp')).returns<{
    deleted: true;
  }>(),
  'mocks.duplicate': call(
    z.object({ id }),
    writes('Copies a mock with its responses within its project.', 'rest', 'cli', 'mcp'),
  ).returns<MockWritten>(),

  'responses.list': call(
    z.object({ mockId: id }),
    reads("Lists a mock's responses in their order.", 'rest', 'cli', 'mcp'),
  ).returns<MockResponse[]>(),
  'responses.create': call(
    z.object({ mockId: id, response: responseCreateSchema }),
    writes('Adds a response (status, headers, body, conditions) to a mock.', 'rest', 'cli', 'mcp'),
  ).returns<MockResponse>(),
  'responses.update': call(
    z.object({ mockId: id, id, patch: responseUpdateSchema }),
    writes(
      "Changes a response's status, headers, body, conditions, weight, default flag or disableTemplating (send a body holding {{ as stored).",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<MockResponse>(),
  'responses.delete': call(
    z.object({ mockId: id, id }),
    writes('Deletes a response from a mock.', 'rest', 'cli', 'mcp'),
  ).returns<{ deleted: true }>(),
  'responses.reorder': call(
    z.object({ mockId: id, order: z.array(id).min(1) }),
    writes("Sets the order of a mock's responses (used by sequential mode).", 'cli', 'mcp'),
  ).returns<MockResponse[]>(),

  'buckets.list': call(
    z.object({ projectId: id }),
    reads("Lists a project's data buckets with their initial content.", 'rest', 'cli', 'mcp'),
  ).returns<DataBucket[]>(),
  'buckets.get': call(
    z.object({ id }),
    reads('Shows one data bucket with its current value.', 'rest', 'cli', 'mcp'),
  ).returns<DataBucketWithValue>(),
  'buckets.create': call(
    z.object({ projectId: id, bucket: bucketCreateSchema }),
    writes('Adds a named data bucket (JSON that CRUD routes and templates use) to a project.', 'rest', 'cli', 'mcp'),
  ).returns<DataBucket>(),
  'buckets.update': call(
    z.object({ id, patch: bucketUpdateSchema }),
    writes(
      "Changes a data bucket's name, description, content or templated flag (a new content also resets its value).",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<DataBucket>(),
  'buckets.delete': call(
    z.object({ id }),
    writes('Deletes a data bucket with its current value.', 'rest', 'cli', 'mcp'),
  ).returns<{ deleted: true }>(),
  'buckets.reset': call(
    z.object({ id }),
    writes("Puts a data bucket's initial content back as its current value.", 'rest', 'cli', 'mcp'),
  ).returns<DataBucketWithValue>(),

  /** Newest first; `offset` pages further back, so a virtualized list can show any length. */
  'requestLogs.list': call(
    requestLogFilterSchema.extend({
      limit: z.number().int().min(1).max(5000).default(500),
      offset: z
        .number()
        .max(MAX_LOG_OFFSET, { message: `must be ${MAX_LOG_OFFSET} or less: no log has that many rows` })
        .int()
        .min(0)
        .default(0),
      /** A row id: list only older rows (keyset paging; `offset` then counts from it). */
      before: z.string().min(1).optional(),
    }),
    reads("Lists a project's logged requests, newest first, without bodies, filtered and paged.", 'cli', 'mcp'),
  ).returns<{
    rows: RequestLogSummary[];
    /** Matching rows, exact unless totalCapped: then at least this many (LOG_COUNT_CAP), shown as "100,000+". */
    total: number;
    totalCapped: boolean;
  }>(),
  'requestLogs.page': call(
    requestLogPageSchema,
    reads(
      "Pages through a project's or a mock's logged requests with their bodies, newest first, by date range.",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<{ data: RequestLog[]; pagination: Pagination }>(),
  'requestLogs.get': call(
    z.object({ id }),
    reads('Shows one logged request with its headers and bodies.', 'cli', 'mcp'),
  ).returns<RequestLog>(),
  'requestLogs.export': call(
    requestLogFilterSchema.extend({
      format: z.enum(LOG_EXPORT_FORMATS, { message: `format must be one of ${LOG_EXPORT_FORMATS.join(', ')}` }),
      /** The `next` of the previous chunk; absent: the first chunk. */
      after: z.string().min(1).optional(),
      limit: z.number().int().min(1).max(MAX_LOG_EXPORT_CHUNK).default(500),
    }),
    reads(
      "Exports a project's filtered request log as HAR 1.2 or NDJSON, oldest first, one chunk per call: concatenate the chunks, passing each one's `next` as `after`, until `next` is null.",
      'cli',
      'mcp',
    ),
  ).returns<LogExportChunk>(),
  'requestLogs.createMock': call(
    z.object({ id, name: z.string().trim().min(1).max(200).optional() }),
    writes(
      'Creates a mock from a logged request (404s included): its method and path, answering the logged status and body (200 and {} when nothing answered). Warns when it shadows an active mock.',
      'cli',
      'mcp',
    ),
  ).returns<MockWritten>(),
  'requestLogs.retention': call(
    z.object({ projectId: id.optional() }),
    reads(
      "How many request-log rows are kept: the default, and a project's own retention and the rows it has now.",
      'cli',
      'mcp',
    ),
  ).returns<LogRetentionState>(),
  'requestLogs.setDefaultRetention': call(
    z.object({ rows: logRetentionSchema }),
    writes(
      'Sets how many request-log rows projects without their own retention keep (0 keeps none); older rows are trimmed in the background. A project sets its own with projects.update (logRetention).',
      'cli',
      'mcp',
    ),
  ).returns<LogRetentionState>(),
  'requestLogs.clear': call(
    z.object({ projectId: id }),
    writes("Deletes a project's request logs.", 'cli', 'mcp'),
  ).returns<{ cleared: true }>(),

  'stats.project': call(
    z.object({ projectId: id }),
    reads(
      "Counts a project's requests per mock, with the last call and the average response time.",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<ProjectStats>(),

  'scenarios.list': call(
    z.object({ projectId: id }),
    reads("Lists the scenarios a project's responses name, with the state each is in now.", 'rest', 'cli', 'mcp'),
  ).returns<ScenarioState[]>(),
  'scenarios.reset': call(
    scenarioResetSchema.extend({ projectId: id }),
    writes("Puts a project's scenarios (or the one named) back in their start state.", 'rest', 'cli', 'mcp'),
  ).returns<ScenarioState[]>(),

  'server.status': call(
    none,
    reads('Shows whether the mock server runs, and where.', 'cli', 'mcp', 'rest'),
  ).returns<ServerState>(),
  'server.start': call(
    z
      .object({
        port: z.number().int().min(1).max(65535).optional(),
        host: z.string().optional(),
        // A host other than loopback (isLoopbackHost) is refused unless the user confirmed it.
        exposeOnNetwork: z.boolean().optional(),
      })
      .optional(),
    writes('Starts the mock server, or restarts it on another host or port.', 'cli'),
  ).returns<ServerState>(),
  'server.stop': call(
    none,
    writes('Stops the mock server and every dedicated project port.', 'cli'),
  ).returns<ServerState>(),
  'chaos.setEnabled': call(
    chaosSwitchSchema,
    writes(
      "Turns chaos on or off for the whole app at once (the kill switch); mocks' and projects' chaos settings are kept.",
      'cli',
      'mcp',
      'rest',
    ),
  ).returns<ServerState>(),

  /* ---- Templating: the helper reference and the preview (declared in ./templating.ts) ---- */
  ...templatingCalls,
  /* ---- Why a logged request got its answer (declared in ./explain.ts) ---- */
  ...explainCalls,
  /* ---- WebAssembly plugins: installed ones and bindings (declared in ./plugins.ts) ---- */
  ...pluginCalls,

  /* ---- AI generation with the user's own key, and its settings (declared in ./ai.ts) ---- */
  ...aiCalls,

  /* ---- Pipelines: mockops-api.md §Pipelines (declared in ./pipelines.ts) ---- */
  ...pipelineCalls,

  /* ---- Federations of projects under /f/<name>/ (declared in ./federation.ts) ---- */
  ...federationCalls,

  /* ---- Cloud: auth, orgs, tokens, sync, deployments, account (declared in ./cloud.ts) ---- */
  ...cloudCalls,
  /* ---- Cloud: profile, team and roles, audit log (declared in ./cloud-team.ts) ---- */
  ...teamCalls,
  /* ---- Marketplace: search, details, reviews, install, publish (declared in ./marketplace.ts) ---- */
  ...marketplaceCalls,
  /* ---- Cloud account: usage history, upgrade, your data, help, service status (./cloud-account.ts) ---- */
  ...cloudAccountCalls,
} as const;

export const events = {
  /** Batched: at most ~10 messages a second, whatever the request rate. */
  'requestLogs.appended': undefined as unknown as RequestLogSummary[],
  'server.stateChanged': undefined as unknown as ServerState,
  'catalog.changed': undefined as unknown as {
    projectId: string;
    kind: 'project' | 'mock' | 'response' | 'bucket' | 'deleted';
  },
  /* ---- Cloud (declared in ./cloud.ts) ---- */
  ...cloudEvents,
  /* ---- Pipelines (declared in ./pipelines.ts) ---- */
  ...pipelineEvents,
  /* ---- Marketplace installs (declared in ./marketplace.ts) ---- */
  ...marketEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsed<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = Calls[K]['output'];
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = (typeof events)[K];

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const isCallName = (v: unknown): v is CallName => typeof v === 'string' && Object.hasOwn(calls, v);
export const isEventName = (v: unknown): v is EventName => typeof v === 'string' && Object.hasOwn(events, v);

/** How one call is made: who makes it, and how it can be stopped. */
export interface CallOptions {
  transport?: Transport;
  /** Aborting it cancels a long call (sync, deploy): it ends with a CANCELLED error. */
  signal?: AbortSignal;
  /** Correlates the call with the transport's own request (the REST API's X-Request-Id) in logs. */
  requestId?: string;
}

/** The use-case layer as every entry point sees it: a typed call that answers with a Result. */
export interface ContractCaller {
  call<K extends CallName>(name: K, input: CallInput<K>, opts?: CallOptions): Promise<Result<CallOutput<K>>>;
}

/** What the preload exposes and the web bridge mimics: typed invoke and subscribe, nothing else. */
export interface MockDeckApi {
  /** `signal` cancels the call in main (long calls end with CANCELLED; quick ones may still finish). */
  invoke<K extends CallName>(name: K, input: CallInput<K>, opts?: { signal?: AbortSignal }): Promise<CallOutput<K>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}
