import { describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { BACKOFF, LogBatcher, WORKER_BATCH } from '../../../main/core/server/log-batcher';
import type { LogBatch, LogWriter } from '../../../main/core/server/log-writer';
import type { LoggedExchange } from '../../../main/core/server/request-log';
import { openDatabase } from '../../../main/core/store/connection';
import { migrate } from '../../../main/core/store/migrate';
import { logsMigrations } from '../../../main/core/store/migrations/logs';
import { RequestLogsRepo } from '../../../main/core/store/request-logs-repo';

const RETENTION = 50;

/** A request as the server captures it: request i of the project, i ms after a fixed instant. */
const log = (projectId: string, i: number): LoggedExchange => ({
  projectId,
  mockId: `${projectId}-mock`,
  responseId: null,
  path: `/${projectId}/${i}`,
  method: 'GET',
  headers: { host: 'h', 'user-agent': 'ua' },
  query: {},
  requestBody: '',
  status: 200,
  responseHeaders: {},
  responseBody: '',
  responseTimeMs: 1,
  ip: '127.0.0.1',
  errorCode: null,
  conditionFailures: [],
  createdMs: 1_800_000_000_000 + i,
  createdAt: new Date(1_800_000_000_000 + i).toISOString(),
  proxied: null,
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
  const counterBatches: LogBatch[] = [];
  const listeners: ((ms: number, rows: number) => void)[] = [];
  let inFlight = 0;
  const writer: LogWriter = {
    mode: 'worker',
    lowPriorityThread: null,
    write(batch) {
      repo.insertRows(batch.rows, RETENTION, batch.counters);
      // Counters alone are a few upserts: written at once, even by a writer starved of CPU.
      if (batch.rows.count === 0) return void counterBatches.push(batch);
      batches.push(batch);
      inFlight++;
    },
    busy: () => inFlight > 0,
    onWritten: (l) => void listeners.push(l),
    sync() {
      inFlight = 0;
    },
    synced: async () => {
      inFlight = 0;
    },
    close: async () => {},
  };
  return {
    repo,
    batches,
    counterBatches,
    writer,
    /** The writer reports its batches written, each having taken `ms`. */
    finish(ms = 1) {
      inFlight = 0;
      for (const l of listeners) l(ms, 1);
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

  it('makes rows only of the requests it writes: those retention drops first never become rows', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, RETENTION);
    batcher.push(log('a', -1));
    batcher.flush(); // the writer exists, and from now on never finishes a batch by itself
    const sent = Array.from({ length: 3 * WORKER_BATCH }, (_, i) => log('a', i));
    for (const x of sent) batcher.push(x);
    await tick();
    batcher.flush();
    // Only the rows handed to the writer were made, and far fewer than the requests.
    const made = sent.filter((x) => x.id !== undefined);
    const handed = w.batches.slice(1).reduce((n, b) => n + b.rows.count, 0);
    expect(made).toHaveLength(handed);
    expect(handed).toBeLessThan(WORKER_BATCH + 2 * RETENTION);
    expect(made.slice(-RETENTION)).toEqual(sent.slice(-RETENTION));
    expect(paths(w.repo, 'a')).toEqual(
      sent
        .slice(-RETENTION)
        .map((x) => x.path)
        .reverse(),
    );
    // Ids made late still follow the order requests arrived in, and are what was stored.
    const ids = made.map((x) => x.id!);
    expect([...ids].sort()).toEqual(ids);
    expect(w.repo.page({ projectId: 'a' }, 1, 1).data[0]?.id).toBe(ids.at(-1));
  });

  it('gives listeners each request as a row at once, with the id it is stored under, in arrival order', () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, RETENTION);
    const before = [0, 1, 2].map((i) => log('a', i));
    for (const x of before) batcher.push(x);
    const seen: RequestLog[] = [];
    const off = batcher.onLogged((l) => seen.push(l));
    batcher.push(log('a', 3));
    off();
    batcher.push(log('a', 4));
    expect(seen.map((l) => l.requestPath)).toEqual(['/a/3']);
    batcher.flush();
    const stored = w.repo.page({ projectId: 'a' }, 1, 10).data;
    expect(stored.find((l) => l.requestPath === '/a/3')?.id).toBe(seen[0]!.id);
    // Newest first by id is newest first by arrival, across the listener coming and going.
    expect(stored.map((l) => l.requestPath)).toEqual(['/a/4', '/a/3', '/a/2', '/a/1', '/a/0']);
    expect(stored.map((l) => l.id)).toEqual(
      stored
        .map((l) => l.id)
        .sort()
        .reverse(),
    );
  });

  it('settleCounters() writes the counters of queued requests, not their rows', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, RETENTION);
    for (let i = 0; i < 7; i++) batcher.push(log('a', i));
    await batcher.settleCounters();
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(7);
    expect(w.repo.projectStats('a', []).totalRequests).toBe(7);
    expect(paths(w.repo, 'a')).toEqual([]);
    expect(batcher.queued()).toBe(7);
    batcher.flush();
    expect(paths(w.repo, 'a')).toHaveLength(7);
    // The rows' counters went with flushCounters(): flushing the rows does not count them twice.
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(7);
  });

  it('hands the writer the counters of every answered request within COUNTERS_MS, while rows wait for a busy writer', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, 10_000);
    for (let i = 0; i < WORKER_BATCH; i++) batcher.push(log('a', i));
    await tick();
    expect(w.batches).toHaveLength(1); // the writer now stays busy with it, as one starved of CPU
    for (let i = 0; i < 500; i++) batcher.push(log('a', WORKER_BATCH + i));
    const counted = () => w.repo.projectStats('a', []).totalRequests;
    for (let waited = 0; waited < 5000 && counted() < WORKER_BATCH + 500; waited += 20) await sleep(20);
    // A kill -9 now loses the 500 queued rows, but not their counts.
    expect(counted()).toBe(WORKER_BATCH + 500);
    expect(w.repo.mockCounters('a').get('a-mock')?.totalRequests).toBe(WORKER_BATCH + 500);
    expect(batcher.queued()).toBe(500);
    expect(w.batches).toHaveLength(1);
    // The rows written later do not count their requests twice.
    w.finish();
    await batcher.settle();
    expect(paths(w.repo, 'a')[0]).toBe(`/a/${WORKER_BATCH + 499}`);
    expect(counted()).toBe(WORKER_BATCH + 500);
  });

  it('settle() writes what is queued and resolves once the writer has committed it', async () => {
    const w = fakeWorker();
    const batcher = new LogBatcher(() => w.writer, 60_000, 10_000);
    for (let i = 0; i < 2 * WORKER_BATCH + 10; i++) batcher.push(log('a', i));
    await batcher.settle();
    expect(batcher.queued()).toBe(0);
    // The fake writer keeps RETENTION rows: the newest is there.
    expect(paths(w.repo, 'a')[0]).toBe(`/a/${2 * WORKER_BATCH + 9}`);
    expect(w.repo.projectStats('a', []).totalRequests).toBe(2 * WORKER_BATCH + 10);
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
