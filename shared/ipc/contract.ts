import { z } from 'zod';
import type {
  Mock,
  MockResponse,
  MockSummary,
  MockWithResponses,
  Project,
  ProjectStats,
  ProjectSummary,
  ProjectWithMocks,
  RequestLog,
  RequestLogSummary,
} from '../models';
import {
  requestLogFilterSchema,
  mockCreateSchema,
  mockUpdateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  responseCreateSchema,
  responseUpdateSchema,
} from '../models';
import type { AppErrorShape } from './result';
import { cloudCalls, cloudEvents } from './cloud';

// Model types the calls return live in shared/models (the store and catalog use them too);
// they are re-exported here for the transports and the renderer.
export type { MockWithResponses, ProjectWithMocks, RequestLogFilter, RequestLogSummary } from '../models';
export { requestLogFilterSchema } from '../models';

/**
 * The one list of renderer→main calls and main→renderer events. Every transport (Electron
 * IPC, the loopback web bridge, direct calls in tests) serves exactly this table, and main
 * validates every input with these schemas whatever the transport.
 *
 * Names read `feature.verb`. Add a call here, then its handler in main/core/handlers.
 */

/** Declares a call: its input schema now, its output type through `.returns<T>()`. */
const call = <I extends z.ZodType>(input: I) => ({
  returns: <O>() => ({ input, output: undefined as unknown as O }),
});
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
}

export interface AppInfo {
  version: string;
  dataDir: string | null;
  platform: string;
  transport: 'electron' | 'web-bridge' | 'direct';
}

export const calls = {
  'app.info': call(none).returns<AppInfo>(),

  'projects.list': call(z.object({ search: z.string().max(200).optional() }).optional()).returns<ProjectSummary[]>(),
  'projects.get': call(z.object({ id })).returns<ProjectWithMocks>(),
  'projects.create': call(projectCreateSchema).returns<Project>(),
  'projects.update': call(z.object({ id, patch: projectUpdateSchema })).returns<Project>(),
  'projects.delete': call(z.object({ id })).returns<{ deleted: true }>(),
  'projects.duplicate': call(z.object({ id })).returns<Project>(),

  'mocks.list': call(z.object({ projectId: id })).returns<MockSummary[]>(),
  'mocks.get': call(z.object({ id })).returns<MockWithResponses>(),
  'mocks.create': call(z.object({ projectId: id, mock: mockCreateSchema })).returns<Mock>(),
  'mocks.update': call(z.object({ id, patch: mockUpdateSchema })).returns<Mock>(),
  'mocks.delete': call(z.object({ id })).returns<{ deleted: true }>(),
  'mocks.duplicate': call(z.object({ id })).returns<Mock>(),

  'responses.list': call(z.object({ mockId: id })).returns<MockResponse[]>(),
  'responses.create': call(z.object({ mockId: id, response: responseCreateSchema })).returns<MockResponse>(),
  'responses.update': call(z.object({ mockId: id, id, patch: responseUpdateSchema })).returns<MockResponse>(),
  'responses.delete': call(z.object({ mockId: id, id })).returns<{ deleted: true }>(),
  'responses.reorder': call(z.object({ mockId: id, order: z.array(id).min(1) })).returns<MockResponse[]>(),

  /** Newest first; `offset` pages further back, so a virtualized list can show any length. */
  'requestLogs.list': call(
    requestLogFilterSchema.extend({
      limit: z.number().int().min(1).max(5000).default(500),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<{ rows: RequestLogSummary[]; total: number }>(),
  'requestLogs.get': call(z.object({ id })).returns<RequestLog>(),
  'requestLogs.clear': call(z.object({ projectId: id })).returns<{ cleared: true }>(),

  'stats.project': call(z.object({ projectId: id })).returns<ProjectStats>(),

  'server.status': call(none).returns<ServerState>(),
  'server.start': call(
    z.object({ port: z.number().int().min(1).max(65535).optional(), host: z.string().optional() }).optional(),
  ).returns<ServerState>(),
  'server.stop': call(none).returns<ServerState>(),

  /* ---- Cloud: auth, orgs, tokens, sync, deployments, account (declared in ./cloud.ts) ---- */
  ...cloudCalls,
} as const;

export const events = {
  /** Batched: at most ~10 messages a second, whatever the request rate. */
  'requestLogs.appended': undefined as unknown as RequestLogSummary[],
  'server.stateChanged': undefined as unknown as ServerState,
  'catalog.changed': undefined as unknown as { projectId: string; kind: 'project' | 'mock' | 'response' | 'deleted' },
  /* ---- Cloud (declared in ./cloud.ts) ---- */
  ...cloudEvents,
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

/** What the preload exposes and the web bridge mimics: typed invoke and subscribe, nothing else. */
export interface MockDeckApi {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}
