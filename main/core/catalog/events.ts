import { CATALOG_CHANGE_PREFIXES, type DomainEvent } from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { newId } from '../util/ids';

/** What changed in the catalog, coarsely; the engine recompiles the project's routes on each. */
export interface CatalogChange {
  projectId: string;
  kind: 'project' | 'mock' | 'response' | 'bucket' | 'deleted';
}
export type CatalogListener = (change: CatalogChange) => void;
export type DomainEventListener = (event: DomainEvent) => void;

type ContentKind = (typeof CATALOG_CHANGE_PREFIXES)[number];
const isContentKind = (v: string): v is ContentKind => (CATALOG_CHANGE_PREFIXES as readonly string[]).includes(v);

/** The coarse change an event stands for; null for events that change no content (marketplace, promotion). */
const changeOf = (e: DomainEvent): CatalogChange | null => {
  const projectId = e.payload.projectId;
  if (e.type === 'project.deleted') return { projectId, kind: 'deleted' };
  const kind = e.type.slice(0, e.type.indexOf('.'));
  return isContentKind(kind) ? { projectId, kind } : null;
};

/**
 * The catalog's domain events. A service calls `record()` inside the transaction of its
 * change: the event goes into the outbox in that transaction, and reaches listeners only
 * after the outermost commit (never for a change that rolled back). Each listener is called
 * on its own: one that throws is reported and neither undoes the write nor starves the others.
 */
export class CatalogEvents {
  private readonly changeListeners = new Set<CatalogListener>();
  private readonly eventListeners = new Set<DomainEventListener>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly report: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
  ) {}

  /** Coarse changes (which project, which kind), after commit. */
  on(listener: CatalogListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Every domain event, after commit, in the order recorded. */
  onEvent(listener: DomainEventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  record(event: DomainEvent): void {
    if (!this.store.db.inTransaction) {
      // A programming error, not a user's: the outbox row must commit with the change.
      throw new Error(`domain event ${event.type} recorded outside a transaction`);
    }
    this.store.outbox.append({ id: newId(), event, createdAt: this.clock.now().toISOString() });
    this.store.afterCommit(() => this.deliver(event));
  }

  /**
   * Delivers events that another connection recorded and committed (a tree written on a
   * worker thread, ./tree-worker.ts) to this thread's listeners, as if committed here: their
   * outbox rows are already in that commit.
   */
  deliverCommitted(events: readonly DomainEvent[]): void {
    for (const e of events) this.deliver(e);
  }

  private deliver(event: DomainEvent): void {
    const change = changeOf(event);
    for (const l of this.eventListeners) this.call(() => l(event), event);
    if (change) for (const l of this.changeListeners) this.call(() => l(change), event);
  }

  private call(fn: () => void, event: DomainEvent): void {
    try {
      fn();
    } catch (e) {
      this.report(`a catalog listener failed on ${event.type} (the change is committed)`, e);
    }
  }
}
