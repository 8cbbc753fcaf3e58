import type { Statement } from 'better-sqlite3';
import { parseDomainEvent, type DomainEvent } from '../../../shared/models';
import type { SqliteDb } from './connection';
import { statementCache } from './statements';

/** An event waiting in (or delivered from) the outbox. */
export type OutboxEntry = DomainEvent & {
  id: string;
  seq: number;
  createdAt: string;
  deliveredAt: string | null;
  attempts: number;
  lastError: string | null;
};

interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  payload: string;
  created_at: string;
  delivered_at: string | null;
  attempts: number;
  last_error: string | null;
}

/**
 * Domain events for consumers that deliver later (webhooks, pipelines). `append` must run
 * inside the transaction of the change it describes (the catalog does this), so the row
 * exists exactly when the change does. A consumer reads `undelivered()`, delivers, then
 * marks them; `prune()` keeps the table small.
 */
export class OutboxRepo {
  private readonly sql: (text: string) => Statement;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }

  append(entry: { id: string; event: DomainEvent; createdAt: string }): void {
    this.sql('INSERT INTO outbox (id, type, payload, created_at) VALUES (?, ?, ?, ?)').run(
      entry.id,
      entry.event.type,
      JSON.stringify(entry.event.payload),
      entry.createdAt,
    );
  }

  /** Oldest first; `afterSeq` pages on from the last entry seen. */
  undelivered(opts: { limit?: number; afterSeq?: number } = {}): OutboxEntry[] {
    const rows = this.sql('SELECT * FROM outbox WHERE delivered_at IS NULL AND seq > ? ORDER BY seq LIMIT ?').all(
      opts.afterSeq ?? 0,
      opts.limit ?? 100,
    ) as OutboxRow[];
    return rows.map(toEntry);
  }

  /** Every entry after `afterSeq`, delivered or not, oldest first: for a consumer with its own cursor. */
  after(afterSeq: number, limit = 100): OutboxEntry[] {
    const rows = this.sql('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(
      afterSeq,
      limit,
    ) as OutboxRow[];
    return rows.map(toEntry);
  }

  /** The newest entry's seq (0 when empty): where a new consumer starts. */
  lastSeq(): number {
    return (this.sql('SELECT COALESCE(MAX(seq), 0) AS n FROM outbox').get() as { n: number }).n;
  }

  markDelivered(ids: readonly string[], at: string): number {
    const mark = this.sql('UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL');
    return this.db.transaction(() => ids.reduce((n, id) => n + mark.run(at, id).changes, 0))();
  }

  /** Counts a failed delivery, keeping the reason for whoever looks at a stuck event. */
  markFailed(id: string, error: string): void {
    this.sql('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error.slice(0, 1000), id);
  }

  /**
   * Deletes delivered entries older than `deliveredBefore`, and beyond the newest `keepNewest`
   * whatever their state, so an outbox nobody consumes yet cannot grow without bound.
   * Returns how many rows went.
   */
  prune(opts: { deliveredBefore?: string; keepNewest?: number }): number {
    let n = 0;
    if (opts.deliveredBefore !== undefined) {
      n += this.sql('DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?').run(
        opts.deliveredBefore,
      ).changes;
    }
    if (opts.keepNewest !== undefined) {
      n += this.sql('DELETE FROM outbox WHERE seq <= (SELECT MAX(seq) FROM outbox) - ?').run(opts.keepNewest).changes;
    }
    return n;
  }

  count(opts: { undeliveredOnly?: boolean } = {}): number {
    const sql = opts.undeliveredOnly
      ? 'SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'
      : 'SELECT COUNT(*) AS n FROM outbox';
    return (this.sql(sql).get() as { n: number }).n;
  }
}

function toEntry(r: OutboxRow): OutboxEntry {
  return {
    ...parseDomainEvent(r.type, JSON.parse(r.payload)),
    id: r.id,
    seq: r.seq,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}
