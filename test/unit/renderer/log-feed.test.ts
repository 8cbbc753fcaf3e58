import { describe, expect, it } from 'vitest';
import type { RequestLogFilter, RequestLogSummary } from '../../../shared/ipc/contract';
import { BLOCK_SIZE, LIVE_PAINT_MS, LogFeed } from '../../../renderer/src/features/logs/log-feed';
import { matchesFilter } from '../../../renderer/src/features/logs/log-filter';
import { summary } from './log-rows';

/** Fixed-width ids that sort like the core's time-ordered UUIDv7s. */
const lid = (n: number) => `l${String(n).padStart(6, '0')}`;

/** An in-memory store newest first, answering requestLogs.list like the core does. */
function fakeStore(initial: number) {
  const rows: RequestLogSummary[] = [];
  let seq = 0;
  const add = (p: Partial<RequestLogSummary> = {}) => {
    const row = summary({ id: lid(++seq), requestPath: `/items/${seq}`, ...p });
    rows.unshift(row);
    return row;
  };
  for (let i = 0; i < initial; i++) add();
  const calls: { offset: number; limit: number }[] = [];
  const fetchPage = async (f: RequestLogFilter, offset: number, limit: number) => {
    calls.push({ offset, limit });
    const matching = rows.filter((r) => matchesFilter(r, f));
    return { rows: matching.slice(offset, offset + limit), total: matching.length };
  };
  return { rows, add, calls, fetchPage };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LogFeed', () => {
  it('counts every stored row but loads only the first block', async () => {
    const store = fakeStore(1200);
    const feed = new LogFeed(store.fetchPage);
    await feed.setFilter({ projectId: 'p1' });
    expect(feed.count).toBe(1200);
    expect(feed.row(0)?.id).toBe(lid(1200));
    expect(feed.row(BLOCK_SIZE)).toBeUndefined();
    expect(store.calls).toEqual([{ offset: 0, limit: BLOCK_SIZE }]);
  });

  it('pages further blocks on demand, shifted by the rows pushed live since', async () => {
    const store = fakeStore(1200);
    const feed = new LogFeed(store.fetchPage);
    await feed.setFilter({ projectId: 'p1' });
    const fresh = [store.add(), store.add()];
    expect(feed.append(fresh)).toBe(2);
    expect(feed.count).toBe(1202);
    expect(feed.row(0)?.id).toBe(lid(1202));
    feed.ensureRange(1000, 1100);
    await settle();
    // Block 2 of the snapshot starts 1000 rows down, plus the 2 newer live rows.
    expect(store.calls.at(-1)).toEqual({ offset: 2 * BLOCK_SIZE + 2, limit: BLOCK_SIZE });
    expect(feed.row(1000 + 2)?.id).toBe(store.rows[1002]!.id);
    expect(feed.row(1201)?.id).toBe(lid(1));
  });

  it('does not count twice a row the store wrote before its live push arrived', async () => {
    const store = fakeStore(10);
    const feed = new LogFeed(store.fetchPage);
    // Written to the store, but its live push is still on its way when block 0 is read.
    const early = store.add();
    await feed.setFilter({ projectId: 'p1' });
    expect(feed.count).toBe(11);
    const later = store.add();
    expect(feed.append([early, later])).toBe(1);
    expect(feed.count).toBe(12);
    expect(feed.row(0)?.id).toBe(later.id);
    expect(feed.row(1)?.id).toBe(early.id);
  });

  it('keeps only pushed rows the filter admits, once each', async () => {
    const store = fakeStore(3);
    const feed = new LogFeed(store.fetchPage);
    await feed.setFilter({ projectId: 'p1', statusClass: '5xx' });
    expect(feed.count).toBe(0);
    const ok = store.add();
    const failed = store.add({ responseStatus: 503 });
    const elsewhere = store.add({ projectId: 'p2', responseStatus: 500 });
    expect(feed.append([ok, failed, elsewhere])).toBe(1);
    expect(feed.append([failed])).toBe(0);
    expect(feed.count).toBe(1);
    expect(feed.row(0)?.id).toBe(failed.id);
  });

  it('starts over when the filter changes, ignoring answers to the old one', async () => {
    const store = fakeStore(10);
    let release: () => void = () => undefined;
    const slow = (f: RequestLogFilter, o: number, l: number) =>
      new Promise<Awaited<ReturnType<typeof store.fetchPage>>>(
        (res) => (release = () => void store.fetchPage(f, o, l).then(res)),
      );
    const feed = new LogFeed(slow);
    const first = feed.setFilter({ projectId: 'p1' });
    const releaseFirst = release;
    const second = feed.setFilter({ projectId: 'p1', pathText: '/items/1' });
    release();
    releaseFirst();
    await Promise.all([first, second]);
    expect(feed.count).toBe(2); // /items/1 and /items/10
  });

  it('tells subscribers when rows change', async () => {
    const store = fakeStore(1);
    const feed = new LogFeed(store.fetchPage);
    let calls = 0;
    feed.subscribe(() => calls++);
    await feed.setFilter({ projectId: 'p1' });
    const before = calls;
    feed.append([store.add()]);
    feed.append([store.add()]);
    // Live pushes are coalesced into one paint per LIVE_PAINT_MS.
    await new Promise((r) => setTimeout(r, LIVE_PAINT_MS + 50));
    expect(calls).toBe(before + 1);
    expect(feed.count).toBe(3);
  });
});
