/**
 * Collects items pushed at any rate and hands them on in batches: at most one batch per
 * `intervalMs`, each of at most `maxBatch` items. When more arrive between two flushes the
 * oldest are dropped (and counted): a live tail cares about the newest rows, and the full
 * history stays one `requestLogs.list` away.
 */
export interface BatcherOptions<T> {
  intervalMs: number;
  maxBatch: number;
  flush: (batch: T[]) => void;
  /** Called after a flush that had to drop items, with how many were dropped. */
  onDrop?: (dropped: number) => void;
}

export class Batcher<T> {
  private pending: T[] = [];
  private droppedSinceFlush = 0;
  private totalDropped = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly opts: BatcherOptions<T>) {
    if (opts.maxBatch < 1 || opts.intervalMs < 0) throw new Error('Batcher needs maxBatch >= 1 and intervalMs >= 0');
  }

  push(item: T): void {
    if (this.closed) return;
    this.pending.push(item);
    // Trim in chunks rather than shifting per item: shift() on a big array is O(n).
    if (this.pending.length >= this.opts.maxBatch * 2) this.trim();
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flushNow(), this.opts.intervalMs);
      // A pending push must not keep a CLI or test process alive; close() flushes anyway.
      this.timer.unref?.();
    }
  }

  /** Items dropped since the batcher was created. */
  get dropped(): number {
    return this.totalDropped;
  }

  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.trim();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const dropped = this.droppedSinceFlush;
    this.pending = [];
    this.droppedSinceFlush = 0;
    this.opts.flush(batch);
    if (dropped > 0) this.opts.onDrop?.(dropped);
  }

  /** Sends what is pending and stops accepting items. */
  close(): void {
    this.flushNow();
    this.closed = true;
  }

  private trim(): void {
    const excess = this.pending.length - this.opts.maxBatch;
    if (excess <= 0) return;
    this.pending = this.pending.slice(excess);
    this.droppedSinceFlush += excess;
    this.totalDropped += excess;
  }
}
