import type { RequestLog } from '../../../shared/models';
import { appendLogRow, emptyLogRows, takeLogRows } from '../store/log-rows';
import type { LogWriter } from './log-writer';

/**
 * Rows per batch, and the queue length that triggers a write before the timer fires. On the
 * writer thread a batch costs this thread only a postMessage, and bigger transactions cost
 * SQLite ~20% less a row (index pages are rewritten once per batch); written inline, each
 * batch blocks requests for its duration, so it stays small.
 */
export const WORKER_BATCH = 1000;
export const INLINE_BATCH = 250;

/**
 * Request logs are queued and written in batches (one transaction each: ~5 µs a row
 * instead of ~24 µs autocommitted), every `flushMs` or as soon as a batch is full, so
 * logging never puts a synchronous write in a request's path. Background drains write one
 * batch at a time and yield to the event loop in between, so a big queue does not stall
 * the requests waiting behind it. flush() writes everything at once. The writer
 * (see log-writer.ts) is made on first use, so a server that never serves spawns nothing.
 * Queued logs are kept as flat column values (store/log-rows.ts), not as RequestLog objects:
 * listeners see each RequestLog once, then it is garbage while it is still young.
 */
export class LogBatcher {
  private readonly queue = emptyLogRows();
  private timer: NodeJS.Timeout | null = null;
  private draining = false;
  private readonly listeners = new Set<(log: RequestLog) => void>();
  private writer: LogWriter | null = null;

  constructor(
    private readonly makeWriter: () => LogWriter,
    private readonly flushMs: number,
  ) {}

  push(log: RequestLog): void {
    appendLogRow(this.queue, log);
    for (const l of this.listeners) {
      try {
        l(log);
      } catch (e) {
        console.error('request-log listener failed', e);
      }
    }
    if (this.queue.count >= this.batchRows()) this.drainSoon();
    else if (this.timer === null && !this.draining) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drainSoon();
      }, this.flushMs);
      // A pending write must not keep a CLI or test process alive; stop() flushes anyway.
      this.timer.unref();
    }
  }

  /** Writes every queued log now, and returns once they are committed. */
  flush(): void {
    this.clearTimer();
    while (this.queue.count > 0) this.write(this.queue.count);
    this.writer?.sync();
  }

  /** Flushes, then releases the writer (its worker thread, if any). */
  async close(): Promise<void> {
    this.flush();
    const w = this.writer;
    this.writer = null;
    await w?.close();
  }

  /** Diagnostics: where log batches are written ('none' before the first one). */
  writerMode(): LogWriter['mode'] | 'none' {
    return this.writer?.mode ?? 'none';
  }

  onLogged(listener: (log: RequestLog) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private drainSoon(): void {
    if (this.draining) return;
    this.clearTimer();
    this.draining = true;
    setImmediate(() => this.drainStep());
  }

  private batchRows(): number {
    return this.writer?.mode === 'worker' ? WORKER_BATCH : INLINE_BATCH;
  }

  private drainStep(): void {
    this.write(this.batchRows());
    if (this.queue.count > 0) setImmediate(() => this.drainStep());
    else this.draining = false;
  }

  private write(max: number): void {
    if (this.queue.count === 0) return;
    (this.writer ??= this.makeWriter()).write(takeLogRows(this.queue, max));
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
