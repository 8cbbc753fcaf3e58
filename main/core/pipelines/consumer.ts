import type { Catalog } from '../catalog/catalog';
import type { Store } from '../store/store';
import { isoNow, type Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { toPipelineEvents, triggers } from './events';
import type { PipelineService } from './service';

export const CONSUMER = 'pipelines';
const BATCH = 200;

/**
 * Reads the outbox from its own durable cursor and queues the executions each event causes.
 * The cursor moves in the transaction that writes those executions, so an event committed
 * just before a crash is read on the next start, and none is queued twice. A live event
 * wakes it after `coalesceMs`, so a burst of edits is read (and coalesced) as one batch.
 */
export class OutboxConsumer {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly service: PipelineService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly coalesceMs: number,
  ) {}

  start(): void {
    // A first start begins at the present: history before pipelines existed triggers nothing.
    if (this.service.repo.cursor(CONSUMER) === null) {
      this.service.repo.setCursor(CONSUMER, this.store.outbox.lastSeq(), isoNow(this.clock));
    }
    this.unsubscribe = this.catalog.events.onEvent(() => this.schedule());
    this.drain();
  }

  private schedule(): void {
    if (this.timer || !this.unsubscribe) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, this.coalesceMs);
  }

  /** Reads everything past the cursor now. */
  drain(): void {
    try {
      let queued = 0;
      for (;;) {
        const cursor = this.service.repo.cursor(CONSUMER) ?? 0;
        const entries = this.store.outbox.after(cursor, BATCH);
        if (entries.length === 0) break;
        this.store.tx(() => {
          const events = toPipelineEvents(entries, (id) => this.store.projects.get(id)?.slug ?? null);
          for (const event of events) {
            for (const p of this.service.repo.enabledFor(event.event_type)) {
              if (!triggers(p, event)) continue;
              this.service.queue(p, event);
              queued++;
            }
          }
          this.service.repo.setCursor(CONSUMER, entries[entries.length - 1]!.seq, isoNow(this.clock));
        });
      }
      if (queued > 0) this.service.notifyQueued();
    } catch (e) {
      this.logger.error('pipelines could not read the outbox (retried on the next change)', e);
    }
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
