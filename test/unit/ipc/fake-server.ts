import { InstallProgressFeed } from '../../../main/core/marketplace/progress-feed';
import { PluginService } from '../../../main/core/plugins';
import { AiService } from '../../../main/core/ai/ai-service';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { FederationDefinitions } from '../../../main/core/federation/federations';
import { Recorder } from '../../../main/core/proxy/recorder';
import { PipelineService } from '../../../main/core/pipelines/service';
import { consoleLogger } from '../../../main/core/util/logger';
import type { ServerState } from '../../../shared/ipc/contract';
import type { RequestLog } from '../../../shared/models';
import { Catalog } from '../../../main/core/catalog/catalog';
import type { HandlerCore } from '../../../main/core/handlers/context';
import type { MockServerApi } from '../../../main/core/server/types';
import { createMemoryRuntime, type ProjectRuntime } from '../../../main/core/engine';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';

/**
 * A MockServerApi whose request logs and state changes the test triggers by hand: the
 * event hub's batching is about timing, which a real listener would make nondeterministic.
 */
export class FakeServer implements MockServerApi {
  private readonly logListeners = new Set<(log: RequestLog) => void>();
  private readonly stateListeners = new Set<(s: ServerState) => void>();
  flushes = 0;
  current: ServerState = {
    url: null,
    host: '127.0.0.1',
    port: 3001,
    running: false,
    error: null,
    projectPorts: [],
    chaos: { enabled: true, settings: 0 },
  };

  async start(): Promise<ServerState> {
    this.setState({ ...this.current, running: true, url: 'http://127.0.0.1:3001' });
    return this.current;
  }
  async stop(): Promise<ServerState> {
    this.setState({ ...this.current, running: false, url: null });
    return this.current;
  }
  state(): ServerState {
    return this.current;
  }
  setChaosEnabled(enabled: boolean): ServerState {
    this.setState({ ...this.current, chaos: { ...this.current.chaos, enabled } });
    return this.current;
  }

  /** One in-memory runtime per project id, as the real server's project cache keeps one. */
  private readonly runtimes = new Map<string, ProjectRuntime>();
  runtime(projectId: string): ProjectRuntime {
    let r = this.runtimes.get(projectId);
    if (!r) this.runtimes.set(projectId, (r = createMemoryRuntime()));
    return r;
  }
  onStateChange(l: (s: ServerState) => void): () => void {
    this.stateListeners.add(l);
    return () => this.stateListeners.delete(l);
  }
  /** How many listeners the live request-log feed has (the hub's, while a transport listens). */
  get logListenerCount(): number {
    return this.logListeners.size;
  }

  onRequestLogged(l: (log: RequestLog) => void): () => void {
    this.logListeners.add(l);
    return () => this.logListeners.delete(l);
  }
  flushLogs(): void {
    this.flushes++;
  }
  async settleLogs(): Promise<void> {
    this.flushLogs();
  }
  private retention = 10_000;
  setDefaultRetention(rows: number): void {
    this.retention = rows;
  }
  getDefaultRetention(): number {
    return this.retention;
  }
  async settleCounters(): Promise<void> {
    this.flushCounters();
  }
  flushCounters(): void {
    this.flushes++;
  }
  emitLog(log: RequestLog): void {
    for (const l of this.logListeners) l(log);
  }
  setState(s: ServerState): void {
    this.current = s;
    for (const l of this.stateListeners) l(s);
  }
  listenerCount(): number {
    return this.logListeners.size + this.stateListeners.size;
  }
}

export function fakeCore(): HandlerCore & { server: FakeServer; close(): void } {
  const store = openStore(null);
  const catalog = new Catalog(store, systemClock);
  return {
    store,
    catalog,
    proxy: { recorder: new Recorder(catalog, store, consoleLogger) },
    plugins: new PluginService(store),
    marketProgress: new InstallProgressFeed(),
    pipelines: new PipelineService(store, systemClock, () => Promise.resolve(new MemorySecretStore())),
    federations: new FederationDefinitions(store, systemClock),
    server: new FakeServer(),
    // These tests never reach the cloud; a call that does says so instead of probing the keychain.
    cloud: () => Promise.reject(new Error('no cloud in this test')),
    clock: systemClock,
    // Session-only AI settings: these tests never call a provider.
    ai: new AiService({
      settings: store.settings,
      usage: store.aiUsage,
      clock: systemClock,
      secrets: async () => new MemorySecretStore(),
    }),
    close: () => store.close(),
  };
}

let seq = 0;
export function makeLog(over: Partial<RequestLog> = {}): RequestLog {
  seq++;
  return {
    id: `log-${seq}`,
    projectId: 'p1',
    mockId: null,
    responseId: null,
    requestPath: `/m/demo/items/${seq}`,
    requestMethod: 'GET',
    requestHeaders: { accept: '*/*' },
    requestQuery: {},
    requestBody: 'secret-ish request body',
    responseStatus: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: '{"big":"body"}',
    responseBodyTruncated: false,
    responseTimeMs: 1.5,
    ipAddress: '127.0.0.1',
    userAgent: 'test',
    errorCode: null,
    conditionFailures: [],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, seq)).toISOString(),
    ...over,
  };
}
