import { describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { BACKOFF, LogBatcher, WORKER_BATCH } from '../../../main/core/server/log-batcher';
import type { LogBatch, LogWriter } from '../../../main/core/server/log-writer';
import { openDatabase } from '../../../main/core/store/connection';
import { migrate } from '../../../main/core/store/migrate';
import { logsMigrations } from '../../../main/core/store/migrations/logs';
import { RequestLogsRepo } from '../../../main/core/store/request-logs-repo';
import { newTimeOrderedId } from '../../../main/core/util/ids';

const RETENTION = 50;

const log = (projectId: string, i: number): RequestLog => ({
  id: newTimeOrderedId(),
  projectId,
  mockId: `${projectId}-mock`,
  responseId: null,
  requestPath: `/${projectId}/${i}`,
  requestMethod: 'GET',
  requestHeaders: { host: 'h' },
  requestQuery: {},
  requestBody: '',
  responseStatus: 200,
  responseHeaders: {},
  responseBody: '',
  responseBodyTruncated: false,
  responseTimeMs: 1,
  ipAddress: '127.0.0.1',
  userAgent: 'ua',
  errorCode: null,
  conditionFailures: [],
  createdAt: new Date(1_800_000_000_000 + i).toISOString(),
});

/**
 * A writer thread stand-in over a real logs database: it stays busy with a batch until the
 * test says it is written, as a writer starved of CPU would.
 */
function fakeWorker() {
  const db = openDatabase(':memory:', 'NORMAL');
  migrate(db, logsMigrations);
  const repo = new RequestLogsRepo(db);
  const batches: LogBatch[] = [];
  const listeners: ((ms: number) => void)[] = [];
  let inFlight = 0;
  const writer: LogWriter = {
    mode: 'worker',
    lowPriorityThread: null,
    write(batch) {
      batches.push(batch);
      repo.insertRows(batch.rows, RETENTION, batch.counters);
      inFlight++;
    },
    busy: () => inFlight > 0,
    onWritten: (l) => void listeners.push(l),
    sync() {
      inFlight = 0;
    },
    close: async () => {},
  };
  return {
    repo,
    batches,
    writer,
    /** The writer reports its batches written, each having taken `ms`. */
    finish(ms = 1) {
      inFlight = 0;
      for (const l of listeners) l(ms);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const paths = (repo: RequestLogsRepo, projectId: string) =>
  repo.page({ projectId }, 1, 100).data.map((l) => l.requestPath);

describe('request-log batcher', () => {
  it('hands the writer one batch at a time, the next once the last is written', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, 10_000);
    for (let i = 0; i < 2 * WORKER_BATCH + 5; i++) batcher.push(log('a', i));
    await tick();
    await tick();
    expect(w.batches.map((b) => b.rows.count)).toEqual([WORKER_BATCH]);
    await sleep(150); // an idle loop, so the writer is not held back (see the backoff tests)
    w.finish();
    await tick();
    expect(w.batches.map((b) => b.rows.count)).toEqual([WORKER_BATCH, WORKER_BATCH]);
    // Five rows are not a batch: they wait for the timer or a flush.
    await sleep(150);
    w.finish();
    await tick();
    expect(w.batches).toHaveLength(2);
    batcher.flush();
    expect(w.batches.map((b) => b.rows.count)).toEqual([WORKER_BATCH, WORKER_BATCH, 5]);
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(2 * WORKER_BATCH + 5);
  });

  it("while the writer is behind, keeps each project's newest rows only, and still counts every request", async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, RETENTION);
    batcher.push(log('a', -1));
    batcher.flush(); // the writer exists, and from now on never finishes a batch by itself
    batcher.push(log('a', 0));
    for (let i = 1; i <= 3 * WORKER_BATCH; i++) {
      batcher.push(log('a', i));
      if (i % 10 === 0) batcher.push(log('b', i / 10));
    }
    await tick();
    // One batch went out; the rest stays queued, bounded by compaction, not by the load.
    expect(w.batches).toHaveLength(2);
    expect(batcher.queued()).toBeLessThanOrEqual(2 * RETENTION + WORKER_BATCH);
    batcher.flush();
    expect(paths(w.repo, 'a')).toEqual(Array.from({ length: RETENTION }, (_, k) => `/a/${3 * WORKER_BATCH - k}`));
    expect(paths(w.repo, 'b')).toEqual(
      Array.from({ length: RETENTION }, (_, k) => `/b/${(3 * WORKER_BATCH) / 10 - k}`),
    );
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(3 * WORKER_BATCH + 2);
    expect(w.repo.mockCounters('b').get('b-mock')?.totalRequests).toBe((3 * WORKER_BATCH) / 10);
  });

  it('flushCounters() writes the counters of queued requests, not their rows', () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, RETENTION);
    for (let i = 0; i < 7; i++) batcher.push(log('a', i));
    batcher.flushCounters();
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(7);
    expect(w.repo.projectStats('a', []).totalRequests).toBe(7);
    expect(paths(w.repo, 'a')).toEqual([]);
    expect(batcher.queued()).toBe(7);
    batcher.flush();
    expect(paths(w.repo, 'a')).toHaveLength(7);
    // The rows' counters went with flushCounters(): flushing the rows does not count them twice.
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(7);
  });

  it('while this thread is busy, pauses BACKOFF times as long as the last batch took', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, 10_000);
    for (let i = 0; i < WORKER_BATCH; i++) batcher.push(log('a', i));
    await tick();
    expect(w.batches).toHaveLength(1);
    const spinUntil = performance.now() + 150; // a busy event loop: no idle time at all
    while (performance.now() < spinUntil);
    w.finish(5); // the batch took 5 ms: the next may not start for 5 × BACKOFF ms
    for (let i = 0; i < WORKER_BATCH; i++) batcher.push(log('a', i));
    await sleep(20);
    expect(w.batches).toHaveLength(1);
    await sleep(5 * BACKOFF + 200);
    expect(w.batches).toHaveLength(2);
  });

  it('does not pause while this thread has time to spare', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, 10_000);
    for (let i = 0; i < WORKER_BATCH; i++) batcher.push(log('a', i));
    await tick();
    await sleep(150); // an idle event loop
    w.finish(50);
    for (let i = 0; i < WORKER_BATCH; i++) batcher.push(log('a', i));
    await tick();
    await tick();
    expect(w.batches).toHaveLength(2);
  });

  it('makes no writer after close(), even with a write still scheduled', async () => {
    const w = fakeWorker();
    let made = 0;
    const batcher = new LogBatcher(
      () => {
        made++;
        return w.writer;
      },
      60_000,
      RETENTION,
    );
    for (let i = 0; i < WORKER_BATCH; i++) batcher.push(log('a', i)); // schedules a drain
    await batcher.close();
    await tick();
    await tick();
    expect(made).toBe(1);
    expect(w.batches.map((b) => b.rows.count)).toEqual([WORKER_BATCH]);
  });
});
