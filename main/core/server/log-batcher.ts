import { performance } from 'node:perf_hooks';
import type { RequestLog } from '../../../shared/models';
import {
  appendLogRow,
  CELL,
  countRequest,
  emptyLogCounters,
  emptyLogRows,
  LOG_WIDTH,
  type LogRows,
} from '../store/log-rows';
import { keepNewest } from './keep-newest';
import type { LogWriter } from './log-writer';
import { withoutSecrets } from './log-secrets';
import { logIdOf, toRequestLog, type LoggedExchange } from './request-log';

/**
 * Rows per batch, and the queue length that triggers a write before the timer fires. On the
 * writer thread a batch costs this thread only a postMessage, and bigger transactions cost
 * SQLite ~20% less a row (index pages are rewritten once per batch); written inline, each
 * batch blocks requests for its duration, so it stays small.
 */
export const WORKER_BATCH = 1000;
export const INLINE_BATCH = 250;
/**
 * Queued rows beyond which the oldest go even if retention would keep them: the bound on
 * this queue's memory when several projects are hammered while the writer gets no CPU.
 */
export const MAX_QUEUED = 100_000;
/**
 * While this thread is busier than BUSY_LOOP (event-loop utilisation since the last batch),
 * the writer thread pauses BACKOFF times as long as its last batch took before the next:
 * then it takes at most 1 / (BACKOFF + 1) of a core. Sharing two cores with the server, its
 * work slows the server's even when its thread runs at the lowest priority.
 */
export const BUSY_LOOP = 0.5;
export const BACKOFF = 19;
/**
 * The longest the hit counters of answered requests wait to be handed to the writer. Rows may
 * wait longer under load (see below); counters go on their own this often, so a kill -9 loses
 * at most the counts of the requests answered in this window plus the one batch the writer
 * was committing.
 */
export const COUNTERS_MS = 100;

/**
 * Request logs are queued and written in batches (one transaction each: ~5 µs a row
 * instead of ~24 µs autocommitted), every `flushMs` or as soon as a batch is full, so
 * logging never puts a synchronous write in a request's path. The writer (see
 * log-writer.ts) is made on first use, so a server that never serves spawns nothing.
 *
 * The queue holds each request as it was captured (LoggedExchange: references, nothing
 * serialised); a request becomes a row (its id, its JSON columns) only when it is handed to
 * the writer, or to listeners, which need it at once.
 *
 * One batch at a time is with the writer: the next waits until it reports the last one
 * written. A writer thread runs at the lowest priority, so under sustained load it gets
 * little CPU and the queue grows; the queue then drops, oldest first, the requests that
 * retention would delete the moment they were written (all but each project's newest
 * `retention`), so most of them never cost the work of becoming a row. The database ends as
 * if every row had been written, and the hit counters, summed here as requests arrive, still
 * count every request: they are handed to the writer at least every COUNTERS_MS, whether or
 * not rows go with them. flush() writes everything and blocks until it is committed (for
 * shutdown); settle() does the same without blocking this thread (for reads while serving).
 *
 * Rows are made without credentials (log-secrets.ts) unless `keepsSecrets(projectId)` says
 * the project asked to keep them.
 */
export class LogBatcher {
  private queue: LoggedExchange[] = [];
  private counters = emptyLogCounters();
  /** The flush timer while idle, or the backoff pause while draining: never both at once. */
  private timer: NodeJS.Timeout | null = null;
  private countersTimer: NodeJS.Timeout | null = null;
  /** A write is scheduled, or waits for the writer to finish the batch it has. */
  private draining = false;
  private waiting = false;
  private resumeAt = 0;
  private loop = performance.eventLoopUtilization();
  private compactAt: number;
  private warnedLoss = false;
  private closed = false;
  private readonly listeners = new Set<(log: RequestLog) => void>();
  private writer: LogWriter | null = null;

  constructor(
    private readonly makeWriter: () => LogWriter,
    private readonly flushMs: number,
    retention: number | ((projectId: string) => number),
    private readonly keepsSecrets: (projectId: string) => boolean = () => false,
    private readonly countersMs: number = Math.min(flushMs, COUNTERS_MS),
  ) {
    this.retentionOf = typeof retention === 'number' ? () => retention : retention;
    this.compactAt = this.minCompactAt();
  }

  /** Rows a project keeps (its own retention, else the default): see docs/request-logs.md. */
  private readonly retentionOf: (projectId: string) => number;

  /**
   * Trims these projects to their retention now, without waiting for their next request:
   * their retention was just lowered. The writer deletes in bounded steps.
   */
  retentionChanged(projectIds: readonly string[]): void {
    if (this.closed || projectIds.length === 0) return;
    this.ensureWriter().write({
      rows: emptyLogRows(),
      counters: emptyLogCounters(),
      retention: projectIds.map((id) => [id, this.retentionOf(id)]),
    });
  }

  push(x: LoggedExchange): void {
    this.queue.push(x);
    countRequest(this.counters, x.projectId, x.mockId, x.responseTimeMs, x.createdAt, x.responseId, x.status);
    if (this.countersTimer === null) this.armCountersTimer();
    if (this.listeners.size > 0) {
      const log = this.row(x);
      for (const l of this.listeners) {
        try {
          l(log);
        } catch (e) {
          console.error('request-log listener failed', e);
        }
      }
    }
    if (this.queue.length >= this.compactAt) this.compact();
    if (this.queue.length >= this.batchRows()) this.drainSoon();
    else if (!this.draining) this.armTimer();
  }

  /** Writes every queued log now, and returns once they are committed. */
  flush(): void {
    this.clearTimer();
    do this.write(this.queue.length);
    while (this.queue.length > 0);
    this.writer?.sync();
    this.draining = false;
    this.waiting = false;
  }

  /**
   * Writes every request queued when called, in batches with a turn of the event loop
   * between them, and resolves once they are committed: a read sees every request answered
   * before it without stopping the requests being answered meanwhile (flush() would block
   * this thread until the writer, starved of CPU under load, caught up).
   */
  async settle(): Promise<void> {
    // Rows leave the queue only from its front and compaction only removes: once this many
    // have left from the front, every row queued now has been written or dropped.
    let left = this.queue.length;
    while (left > 0 && this.queue.length > 0) {
      const n = Math.min(WORKER_BATCH, left);
      this.write(n);
      left -= n;
      if (left > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.writeCounters();
    await this.writer?.synced();
  }

  /**
   * Writes the hit counters of every queued request, not the rows, and resolves once they
   * are committed: stats stay exact without forcing a backed-up queue through the writer.
   */
  async settleCounters(): Promise<void> {
    this.writeCounters();
    await this.writer?.synced();
  }

  /** Flushes, then releases the writer (its worker thread, if any). */
  async close(): Promise<void> {
    this.flush();
    this.clearCountersTimer();
    this.closed = true;
    const w = this.writer;
    this.writer = null;
    await w?.close();
  }

  /** Diagnostics: where log batches are written ('none' before the first one). */
  writerMode(): LogWriter['mode'] | 'none' {
    return this.writer?.mode ?? 'none';
  }

  /** Diagnostics: the OS thread id of a low-priority writer thread, else null. */
  writerThread(): number | null {
    return this.writer?.lowPriorityThread ?? null;
  }

  /** Diagnostics: rows waiting to be handed to the writer. */
  queued(): number {
    return this.queue.length;
  }

  onLogged(listener: (log: RequestLog) => void): () => void {
    // Rows get their ids as they are needed; from now on that is as they arrive. Those
    // already queued take theirs first, so ids keep the order requests came in.
    if (this.listeners.size === 0) for (const x of this.queue) logIdOf(x);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private minCompactAt(): number {
    // The default's share: a project keeping more only makes compaction drop less.
    return Math.min(MAX_QUEUED, 2 * this.retentionOf('') + WORKER_BATCH);
  }

  /** Drops queued rows that retention would delete on arrival; past MAX_QUEUED, the oldest. */
  private compact(): void {
    keepNewest(this.queue, this.retentionOf);
    if (this.queue.length > MAX_QUEUED) {
      const lost = this.queue.splice(0, this.queue.length - MAX_QUEUED).length;
      if (!this.warnedLoss)
        console.warn(
          `request logs: the writer is behind; the oldest ${lost} queued rows were dropped (hit counters still count them)`,
        );
      this.warnedLoss = true;
    }
    // Doubling keeps compaction's cost per request constant when many projects fill the queue.
    this.compactAt = Math.min(MAX_QUEUED, Math.max(this.minCompactAt(), 2 * this.queue.length));
    if (this.compactAt <= this.queue.length) this.compactAt = this.queue.length + WORKER_BATCH;
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

  /** Hands the writer one batch, once it has finished the last; a full batch left waiting goes next. */
  private drainStep(): void {
    // Nothing to write (a flush got there first, or the batcher closed): no writer to make.
    if (this.closed || (this.queue.length === 0 && this.counters.projects.size === 0)) {
      this.draining = false;
      this.waiting = false;
      return;
    }
    if (this.ensureWriter().busy()) {
      this.waiting = true; // resumed by written()
      return;
    }
    const rest = this.resumeAt - performance.now();
    if (rest > 0) {
      this.clearTimer();
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drainStep();
      }, rest);
      this.timer.unref();
      return;
    }
    this.write(this.batchRows());
    this.draining = false;
    // Yield between batches so a big queue does not stall the requests waiting behind it.
    if (this.queue.length >= this.batchRows()) this.drainSoon();
    else if (this.queue.length > 0) this.armTimer();
  }

  private armCountersTimer(): void {
    this.countersTimer = setTimeout(() => {
      this.countersTimer = null;
      this.writeCounters();
    }, this.countersMs);
    this.countersTimer.unref();
  }

  private clearCountersTimer(): void {
    if (this.countersTimer !== null) {
      clearTimeout(this.countersTimer);
      this.countersTimer = null;
    }
  }

  /** Hands the writer the counters summed since the last batch, without rows. */
  private writeCounters(): void {
    if (this.closed || this.counters.projects.size === 0) return;
    const counters = this.counters;
    this.counters = emptyLogCounters();
    this.ensureWriter().write({ rows: emptyLogRows(), counters });
  }

  private armTimer(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drainSoon();
    }, this.flushMs);
    // A pending write must not keep a CLI or test process alive; stop() flushes anyway.
    this.timer.unref();
  }

  private written(ms: number, rows: number): void {
    // A counters-only write says nothing about what a batch of rows costs the writer.
    if (rows > 0) {
      const loop = performance.eventLoopUtilization(this.loop);
      this.loop = performance.eventLoopUtilization();
      this.resumeAt = loop.utilization > BUSY_LOOP ? performance.now() + ms * BACKOFF : 0;
    }
    if (!this.waiting) return;
    this.waiting = false;
    this.drainStep();
  }

  private ensureWriter(): LogWriter {
    if (this.writer) return this.writer;
    const w = this.makeWriter();
    w.onWritten((ms, rows) => this.written(ms, rows));
    return (this.writer = w);
  }

  private write(max: number): void {
    if (this.queue.length === 0 && this.counters.projects.size === 0) return;
    // Counters count requests, not rows: all of them go with whichever batch goes next.
    const counters = this.counters;
    this.counters = emptyLogCounters();
    const rows = this.takeRows(max);
    this.ensureWriter().write({ rows, counters, retention: this.retentionsOf(rows) });
    if (this.queue.length === 0) this.compactAt = this.minCompactAt();
  }

  /** The retention of each project with rows in the batch. */
  private retentionsOf(rows: LogRows): [string, number][] {
    const ids = new Set<string>();
    for (let at = CELL.projectId; at < rows.cells.length; at += LOG_WIDTH) ids.add(rows.cells[at] as string);
    return [...ids].map((id) => [id, this.retentionOf(id)]);
  }

  /** The first `max` queued requests, made rows. */
  private takeRows(max: number): LogRows {
    const rows = emptyLogRows();
    const n = Math.min(max, this.queue.length);
    for (let i = 0; i < n; i++) appendLogRow(rows, this.row(this.queue[i]!));
    this.queue = n === this.queue.length ? [] : this.queue.slice(n);
    return rows;
  }

  private row(x: LoggedExchange): RequestLog {
    const log = toRequestLog(x);
    return this.keepsSecrets(x.projectId) ? log : withoutSecrets(log);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
