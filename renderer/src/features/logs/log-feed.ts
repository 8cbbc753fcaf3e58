import type { RequestLogFilter, RequestLogSummary } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { matchesFilter } from './log-filter';

export const BLOCK_SIZE = 500;
/** Live rows kept in memory beyond what was paged from the store; bounds a long flood. */
export const MAX_LIVE_ROWS = 250_000;
/**
 * Live rows reach the screen at most this often. Each repaint of a 100,000-row list costs a
 * few milliseconds; under a flood on a busy machine those tasks get stretched by the
 * scheduler, so fewer, larger updates keep the main thread free (and 250 ms is still live).
 */
export const LIVE_PAINT_MS = 250;

export type FetchPage = (
  filter: RequestLogFilter,
  offset: number,
  limit: number,
) => Promise<{ rows: RequestLogSummary[]; total: number; totalCapped?: boolean }>;

/**
 * The rows a log viewer can show, newest first, of any length: the store is paged lazily
 * in blocks as the list scrolls (a snapshot taken when the filter was set), and rows pushed
 * live since then sit on top. Row i of the view is live[i] or snapshot[i - live.length];
 * the store's offset for a snapshot block is shifted by the live count, since each live
 * row is one more row newer than the snapshot on the server too.
 *
 * Mutable with a version counter, read through useSyncExternalStore: copying a 100,000-row
 * array per pushed batch would cost more than rendering it.
 */
export class LogFeed {
  private filter: RequestLogFilter | null = null;
  /** Oldest first, so a push is amortised O(1); read reversed. */
  private live: RequestLogSummary[] = [];
  private liveIds = new Set<string>();
  private blocks = new Map<number, RequestLogSummary[]>();
  private pending = new Set<number>();
  private snapshotTotal = 0;
  /** The store counted only so far: `count` is a lower bound, shown as "10,000+". */
  capped = false;
  /**
   * The newest row the store had when block 0 was read. Ids are time-ordered (UUIDv7, in
   * arrival order), so a row pushed live later with an id at or below it is already in
   * snapshotTotal: the store wrote it before its live push arrived. It is shown from the
   * store's blocks, not counted twice.
   */
  private snapshotNewestId = '';
  private generation = 0;
  private listeners = new Set<() => void>();
  private paintTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPaint = 0;
  version = 0;
  loaded = false;
  error: AppErrorShape | null = null;

  constructor(private readonly fetchPage: FetchPage) {}

  subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };
  getVersion = (): number => this.version;

  private emit(): void {
    if (this.paintTimer) {
      clearTimeout(this.paintTimer);
      this.paintTimer = null;
    }
    this.lastPaint = Date.now();
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Coalesces live pushes: paints at once after a quiet spell, else on the next slot. */
  private emitLive(): void {
    if (this.paintTimer) return;
    const wait = this.lastPaint + LIVE_PAINT_MS - Date.now();
    if (wait <= 0) this.emit();
    else this.paintTimer = setTimeout(() => this.emit(), wait);
  }

  get count(): number {
    return this.live.length + this.snapshotTotal;
  }
  get liveCount(): number {
    return this.live.length;
  }

  /** Starts over for a new project or filter; resolves when the first block is in. */
  setFilter(filter: RequestLogFilter): Promise<void> {
    this.filter = filter;
    this.generation++;
    this.live = [];
    this.liveIds.clear();
    this.blocks.clear();
    this.pending.clear();
    this.snapshotTotal = 0;
    this.capped = false;
    this.snapshotNewestId = '';
    this.loaded = false;
    this.error = null;
    this.emit();
    return this.loadBlock(0);
  }

  row(i: number): RequestLogSummary | undefined {
    if (i < this.live.length) return this.live[this.live.length - 1 - i];
    const j = i - this.live.length;
    return this.blocks.get(Math.floor(j / BLOCK_SIZE))?.[j % BLOCK_SIZE];
  }

  /** Fetches the store blocks covering view rows [start, end]. */
  ensureRange(start: number, end: number): void {
    const first = Math.max(0, start - this.live.length);
    const last = end - this.live.length;
    if (last < 0) return;
    for (let b = Math.floor(first / BLOCK_SIZE); b <= Math.floor(last / BLOCK_SIZE); b++) {
      if (!this.blocks.has(b) && !this.pending.has(b) && b * BLOCK_SIZE < this.snapshotTotal) void this.loadBlock(b);
    }
  }

  private async loadBlock(b: number): Promise<void> {
    const filter = this.filter;
    if (!filter) return;
    const gen = this.generation;
    this.pending.add(b);
    try {
      const res = await this.fetchPage(filter, b * BLOCK_SIZE + this.live.length, BLOCK_SIZE);
      if (gen !== this.generation) return;
      // Rows both pushed live and paged (a push racing the query) are shown once, from live.
      const rows = res.rows.filter((r) => !this.liveIds.has(r.id));
      this.blocks.set(b, rows);
      if (b === 0 && res.rows[0] && res.rows[0].id > this.snapshotNewestId) this.snapshotNewestId = res.rows[0].id;
      const total = Math.max(0, res.total - this.live.length);
      // A capped total is "at least": it grows as deeper blocks are counted, and says so (capped).
      if (res.totalCapped) this.snapshotTotal = Math.max(this.snapshotTotal, total);
      else this.snapshotTotal = b === 0 ? total : Math.min(this.snapshotTotal, total);
      if (b === 0 || res.totalCapped !== undefined) this.capped = res.totalCapped === true;
      this.loaded = true;
    } catch (e) {
      if (gen !== this.generation) return;
      this.error = e as AppErrorShape;
    } finally {
      if (gen === this.generation) {
        this.pending.delete(b);
        this.emit();
      }
    }
  }

  /** Takes a pushed batch (any project, oldest first) and keeps what the filter admits. */
  append(batch: readonly RequestLogSummary[]): number {
    const f = this.filter;
    if (!f) return 0;
    let added = 0;
    for (const row of batch) {
      if (!matchesFilter(row, f) || this.liveIds.has(row.id) || row.id <= this.snapshotNewestId) continue;
      this.live.push(row);
      this.liveIds.add(row.id);
      added++;
    }
    if (this.live.length > MAX_LIVE_ROWS) this.trimLive();
    if (added > 0) this.emitLive();
    return added;
  }

  /** Drops the oldest live rows into the snapshot count; the store pages them back on demand. */
  private trimLive(): void {
    const drop = this.live.length - MAX_LIVE_ROWS;
    for (const r of this.live.slice(0, drop)) this.liveIds.delete(r.id);
    this.live = this.live.slice(drop);
    this.blocks.clear();
    this.snapshotTotal += drop;
  }

  /** After requestLogs.clear: nothing left to show. */
  reset(): void {
    if (this.filter) void this.setFilter(this.filter);
  }
}
