import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog, OUTBOX_KEEP_NEWEST } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import { importProject } from '../../../main/core/transfer';
import type { Clock } from '../../../main/core/util/clock';
import type { DomainEvent } from '../../../shared/models';

let t = Date.parse('2026-01-01T00:00:00Z');
const clock: Clock = { now: () => new Date((t += 1000)) };
let store: Store;
let catalog: Catalog;
let heard: string[];

const listen = (c: Catalog) => {
  c.events.onEvent((e) => heard.push(e.type));
  c.events.on((change) => heard.push(`change:${change.kind}`));
};

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
  heard = [];
  listen(catalog);
});
afterEach(() => store.close());

const tableCount = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('catalog events are told only after commit', () => {
  it('a batch-create whose second endpoint is invalid emits nothing and leaves no outbox row', () => {
    expect(() =>
      catalog.batchCreate({
        name: 'Half Broken',
        endpoints: [
          { method: 'GET', route: '/ok', scenarios: [{ status: 200, responseBody: {} }] },
          { method: 'BREW', route: '/coffee', scenarios: [] },
        ],
      }),
    ).toThrow(/method must be one of/);
    expect(heard).toEqual([]);
    expect(store.outbox.count()).toBe(0);
    expect(tableCount('projects')).toBe(0);
  });

  it('a batch-create that fails inside its transaction, after rows were written, emits nothing either', () => {
    // The payload is valid, so the project row is written before the store refuses a row below it.
    const insert = store.mocks.insert.bind(store.mocks);
    let n = 0;
    store.mocks.insert = (m, order) => {
      if (++n === 2) throw new Error('disk full');
      insert(m, order);
    };
    expect(() =>
      catalog.batchCreate({
        name: 'Atomic',
        endpoints: [
          { method: 'GET', route: '/a', scenarios: [{ status: 200 }] },
          { method: 'GET', route: '/b', scenarios: [] },
        ],
      }),
    ).toThrow('disk full');
    expect(n).toBe(2);
    expect(heard).toEqual([]);
    expect(store.outbox.count()).toBe(0);
    expect(tableCount('projects')).toBe(0);
  });

  it('a project-file import with a bad response emits nothing and leaves no outbox row', async () => {
    await expect(
      importProject(catalog, {
        mockdeck: 'project',
        version: 1,
        project: { name: 'Bad file' },
        mocks: [{ name: 'a', path: '/a', method: 'GET', responses: [{ statusCode: 99 }] }],
      }),
    ).rejects.toThrow(/statusCode/);
    expect(heard).toEqual([]);
    expect(store.outbox.count()).toBe(0);
  });

  it('a successful batch-create is told once it is committed, and its events are in the outbox', () => {
    const seenRows: number[] = [];
    catalog.events.onEvent(() => seenRows.push(tableCount('mocks')));
    const r = catalog.batchCreate({
      name: 'Social',
      endpoints: [
        { method: 'GET', route: '/users', scenarios: [{ status: 200 }] },
        { method: 'POST', route: '/users', scenarios: [] },
      ],
    });
    expect(heard).toEqual(['project.created', 'change:project', 'project.imported', 'change:project']);
    // Listeners run after the commit: they already see every row of the tree.
    expect(seenRows).toEqual([2, 2]);
    const outbox = store.outbox.undelivered();
    expect(outbox.map((e) => [e.type, e.payload])).toEqual([
      ['project.created', { projectId: r.project.id, slug: 'social', name: 'Social' }],
      ['project.imported', { projectId: r.project.id, source: 'batch-create', mockCount: 2, responseCount: 1 }],
    ]);
  });

  it('a service call nested in a transaction that rolls back is not told', () => {
    const p = catalog.projects.create({ name: 'P' });
    heard = [];
    expect(() =>
      store.tx(() => {
        catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/m' });
        throw new Error('caller changes its mind');
      }),
    ).toThrow('caller changes');
    expect(heard).toEqual([]);
    expect(store.outbox.undelivered().map((e) => e.type)).toEqual(['project.created']);
  });

  it('a throwing listener neither undoes the write nor stops the other listeners', () => {
    const errors: unknown[] = [];
    const isolated = new Catalog(store, clock);
    Object.assign(isolated.events, { report: (_m: string, e: unknown) => errors.push(e) });
    const after: DomainEvent[] = [];
    isolated.events.onEvent(() => {
      throw new Error('webhook sender crashed');
    });
    isolated.events.onEvent((e) => after.push(e));
    const p = isolated.projects.create({ name: 'Still here' });
    expect(store.projects.get(p.id)).toBeDefined();
    expect(after.map((e) => e.type)).toEqual(['project.created']);
    expect(errors).toEqual([expect.objectContaining({ message: 'webhook sender crashed' })]);
  });

  it('records a domain event for every kind of edit, with ids', () => {
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/' });
    const a = catalog.responses.create(m.id, {});
    const b = catalog.responses.create(m.id, {});
    catalog.responses.update(m.id, a.id, { body: 'x' });
    catalog.responses.reorder(m.id, [b.id, a.id]);
    catalog.responses.delete(m.id, b.id);
    catalog.mocks.update(m.id, { name: 'n' });
    catalog.mocks.duplicate(m.id);
    catalog.mocks.delete(m.id);
    catalog.projects.update(p.id, { name: 'Q' });
    catalog.projects.duplicate(p.id);
    catalog.projects.delete(p.id);
    expect(store.outbox.undelivered({ limit: 100 }).map((e) => e.type)).toEqual([
      'project.created',
      'mock.created',
      'response.created',
      'response.created',
      'response.updated',
      'response.reordered',
      'response.deleted',
      'mock.updated',
      'mock.created',
      'mock.deleted',
      'project.updated',
      'project.created',
      'project.deleted',
    ]);
    expect(heard.filter((h) => !h.startsWith('change:'))).toEqual(
      store.outbox.undelivered({ limit: 100 }).map((e) => e.type),
    );
  });
});

describe('the outbox', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps an undelivered event through closing and reopening the store', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-outbox-'));
    dirs.push(dir);
    const first = openStore(dir);
    const p = new Catalog(first, clock).projects.create({ name: 'Survivor' });
    first.close();

    const again = openStore(dir);
    try {
      const [row] = again.outbox.undelivered();
      expect(row).toMatchObject({
        type: 'project.created',
        payload: { projectId: p.id, slug: 'survivor', name: 'Survivor' },
        deliveredAt: null,
      });
      expect(again.outbox.markDelivered([row!.id], '2026-02-01T00:00:00.000Z')).toBe(1);
      expect(again.outbox.undelivered()).toEqual([]);
      expect(again.outbox.count()).toBe(1);
    } finally {
      again.close();
    }
  });

  it('pages undelivered rows in order, counts failures, and prunes', () => {
    for (let i = 0; i < 5; i++) catalog.projects.create({ name: `P${i}` });
    const firstTwo = store.outbox.undelivered({ limit: 2 });
    const next = store.outbox.undelivered({ limit: 2, afterSeq: firstTwo[1]!.seq });
    expect([...firstTwo, ...next].map((e) => e.payload.projectId)).toEqual(
      store.outbox.undelivered({ limit: 4 }).map((e) => e.payload.projectId),
    );
    store.outbox.markFailed(firstTwo[0]!.id, 'HTTP 500 from the webhook');
    expect(store.outbox.undelivered({ limit: 1 })[0]).toMatchObject({
      attempts: 1,
      lastError: 'HTTP 500 from the webhook',
    });
    store.outbox.markDelivered([firstTwo[0]!.id, firstTwo[1]!.id], '2026-01-01T00:00:00.000Z');
    expect(store.outbox.prune({ deliveredBefore: '2026-06-01T00:00:00.000Z' })).toBe(2);
    expect(store.outbox.count()).toBe(3);
    expect(store.outbox.prune({ keepNewest: 1 })).toBe(2);
    expect(store.outbox.undelivered().map((e) => e.payload)).toEqual([expect.objectContaining({ name: 'P4' })]);
  });

  it('is pruned to its newest rows when a catalog opens', () => {
    expect(OUTBOX_KEEP_NEWEST).toBeGreaterThan(1000);
    const insert = store.db.prepare(
      "INSERT INTO outbox (id, type, payload, created_at) VALUES (?, 'project.updated', '{\"projectId\":\"p\"}', 't')",
    );
    store.db.transaction(() => {
      for (let i = 0; i < OUTBOX_KEEP_NEWEST + 5; i++) insert.run(`e${i}`);
    })();
    new Catalog(store, clock);
    expect(store.outbox.count()).toBe(OUTBOX_KEEP_NEWEST);
    expect(store.outbox.undelivered({ limit: 1 })[0]!.id).toBe('e5');
  });
});
