import type { EventName, EventPayload, RequestLogSummary } from '../../../shared/ipc/contract';
import type { RequestLog } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import type { MockServerApi } from '../server/types';
import { lookupNames, summarizeLog } from '../store/request-log-search';
import type { Store } from '../store/store';
import { consoleLogger, type Logger } from '../util/logger';
import { Batcher } from './log-batcher';

/** A transport's way to deliver one contract event to its renderer(s). */
export type EventSink = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** What a transport subscribes to: the hub, or anything else that fans events out. */
export interface EventSource {
  subscribe(sink: EventSink): () => void;
}

/**
 * The part of Core the hub listens to, typed here rather than borrowed from the handlers
 * (which sit above the hub) so events never import handlers; Core and HandlerCore fit it.
 */
export interface EventHubCore {
  readonly store: Store;
  readonly catalog: Pick<Catalog, 'events'>;
  readonly server: Pick<MockServerApi, 'onRequestLogged' | 'onStateChange'>;
}

export interface EventHubOptions {
  /** Pause between two `requestLogs.appended` messages: 100 ms keeps it under ~10 a second. */
  logIntervalMs?: number;
  /** Rows in one `requestLogs.appended` message; older rows beyond it are dropped (counted). */
  maxLogsPerMessage?: number;
  logger?: Logger;
}

export const DEFAULT_LOG_INTERVAL_MS = 100;
export const DEFAULT_MAX_LOGS_PER_MESSAGE = 2000;

/**
 * Adapts Core's listeners (server state, logged requests, catalog changes) to contract
 * events and fans them out to any number of transports. Logs are batched here, once, so
 * every transport gets the same bounded stream whatever the request rate.
 */
export class EventHub implements EventSource {
  private readonly sinks = new Set<EventSink>();
  private readonly detach: (() => void)[] = [];
  private readonly logs: Batcher<RequestLog>;
  private readonly logger: Logger;
  /** Stops the live request-log feed; set only while some transport listens. */
  private stopLogFeed: (() => void) | null = null;

  constructor(
    private readonly core: EventHubCore,
    opts: EventHubOptions = {},
  ) {
    this.logger = opts.logger ?? consoleLogger;
    this.logs = new Batcher<RequestLog>({
      intervalMs: opts.logIntervalMs ?? DEFAULT_LOG_INTERVAL_MS,
      maxBatch: opts.maxLogsPerMessage ?? DEFAULT_MAX_LOGS_PER_MESSAGE,
      flush: (batch) => this.emit('requestLogs.appended', this.summarize(batch)),
      onDrop: (n) =>
        this.logger.warn(`request log flood: ${n} rows were not pushed live (they remain in the log list)`),
    });
    this.detach.push(
      core.server.onStateChange((state) => this.emit('server.stateChanged', state)),
      core.catalog.events.on((change) =>
        this.emit('catalog.changed', { projectId: change.projectId, kind: change.kind }),
      ),
    );
  }

  /**
   * Adds a producer of contract events beyond Core's own (e.g. the cloud's sync progress):
   * `connect` starts forwarding through `emit` and returns how to stop; close() stops it.
   */
  addSource(connect: (emit: EventSink) => () => void): void {
    this.detach.push(connect((name, payload) => this.emit(name, payload)));
  }

  /**
   * Adds a transport; returns the function that removes it. The live request-log feed runs
   * only while a transport listens: making each request a row for a page nobody shows is
   * most of a mock's cost under load (`mockdeck serve` has no page at all).
   */
  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    this.stopLogFeed ??= this.core.server.onRequestLogged((log) => this.logs.push(log));
    return () => {
      this.sinks.delete(sink);
      if (this.sinks.size === 0) this.stopLiveLogs();
    };
  }

  private stopLiveLogs(): void {
    this.stopLogFeed?.();
    this.stopLogFeed = null;
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const sink of this.sinks) {
      // One broken transport (a closed socket, a destroyed window) must not starve the others.
      try {
        sink(name, payload);
      } catch (e) {
        this.logger.error(`delivering event "${name}" failed`, e);
      }
    }
  }

  /** Rows not pushed live because a flood outran the cap. */
  get droppedLogs(): number {
    return this.logs.dropped;
  }

  /** Pushes pending logs now and stops listening to Core. */
  close(): void {
    this.logs.close();
    this.stopLiveLogs();
    for (const off of this.detach.splice(0)) off();
    this.sinks.clear();
  }

  private summarize(batch: RequestLog[]): RequestLogSummary[] {
    const names = lookupNames(
      this.core.store,
      batch.map((l) => l.mockId),
      batch.map((l) => l.responseId),
    );
    return batch.map((l) => summarizeLog(l, names));
  }
}
