import type { RequestLog } from '../../../shared/models';
import type { LogWriter } from './log-writer';

/** Queue length that triggers a write before the timer fires. */
export const MAX_BATCH = 500;
/** Rows per transaction when draining in the background. */
const CHUNK = 250;

/**
 * Request logs are queued and written in batches (one transaction each: ~5 µs a row
 * instead of ~24 µs autocommitted), every `flushMs` or as soon as MAX_BATCH rows wait,
 * so logging never puts a synchronous write in a request's path. Background drains write
 * CHUNK rows at a time and yield to the event loop in between, so a big queue does not
 * stall the requests waiting behind it. flush() writes everything at once. The writer
 * (see log-writer.ts) is made on first use, so a server that never serves spawns nothing.
 */
export class LogBatcher {
  private queue: RequestLog[] = [];
  private timer: NodeJS.Timeout | null = null;
  private draining = false;
  private readonly listeners = new Set<(log: RequestLog) => void>();
  private writer: LogWriter | null = null;

  constructor(
    private readonly makeWriter: () => LogWriter,
    private readonly flushMs: number,
  ) {}

  push(log: RequestLog): void {
    this.queue.push(log);
    for (const l of this.listeners) {
      try {
        l(log);
      } catch (e) {
        console.error('request-log listener failed', e);
      }
    }
    if (this.queue.length >= MAX_BATCH) this.drainSoon();
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
    while (this.queue.length > 0) this.write(this.queue.length);
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

  private drainStep(): void {
    this.write(CHUNK);
    if (this.queue.length > 0) setImmediate(() => this.drainStep());
    else this.draining = false;
  }

  private write(max: number): void {
    if (this.queue.length === 0) return;
    const batch = this.queue.length <= max ? this.queue : this.queue.slice(0, max);
    this.queue = batch === this.queue ? [] : this.queue.slice(max);
    (this.writer ??= this.makeWriter()).write(batch);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
