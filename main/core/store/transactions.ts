import type { SqliteDb } from './connection';

/**
 * Transactions that nest, with work deferred until the outermost commit.
 *
 * The outermost `run` opens an IMMEDIATE transaction; a nested one is a savepoint
 * (better-sqlite3 does that by itself). `afterCommit` queues a callback: it runs once the
 * outermost transaction has committed, and is dropped when the (sub)transaction that queued
 * it rolls back — so a service can announce its change without knowing whether a caller's
 * larger transaction will keep it. Outside any transaction the callback runs at once (the
 * write it follows has already committed on its own).
 */
export class Transactions {
  private depth = 0;
  private queue: (() => void)[] = [];

  constructor(
    private readonly db: SqliteDb,
    /** Where a failing after-commit callback is reported; it never undoes the commit. */
    private readonly report: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
  ) {}

  run<T>(fn: () => T): T {
    const mark = this.queue.length;
    this.depth++;
    let result: T;
    try {
      result = this.db.transaction(fn).immediate();
    } catch (e) {
      // This level rolled back (a savepoint, or the whole transaction): so did what it queued.
      this.queue.length = mark;
      throw e;
    } finally {
      this.depth--;
    }
    if (this.depth === 0) this.flush();
    return result;
  }

  get active(): boolean {
    return this.depth > 0;
  }

  afterCommit(callback: () => void): void {
    if (this.depth > 0) this.queue.push(callback);
    else this.call(callback);
  }

  private flush(): void {
    // Callbacks may write (and so queue more); take the batch first so each runs once.
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      for (const cb of batch) this.call(cb);
    }
  }

  private call(callback: () => void): void {
    try {
      callback();
    } catch (e) {
      this.report('an after-commit listener failed (the change itself is committed)', e);
    }
  }
}
