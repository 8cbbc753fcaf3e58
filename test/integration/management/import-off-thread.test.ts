import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent, ImportProjectResult } from '../../../shared/models';
import { openStore } from '../../../main/core/store/store';
import { startHarness, type Harness } from '../execution/harness';
import { latencyDuring, median } from '../execution/latency-probe';

/**
 * docs/security.md, item 1: a project-file import is validated on the serving thread but
 * written on a worker with its own connection to catalog.db (catalog/tree-worker.ts), so a
 * 10,000-mock import does not hold up mock answers; its events reach the engine afterwards.
 */
let dir: string;
let h: Harness;
const heard: DomainEvent[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-import-'));
  h = await startHarness({ dataDir: dir });
  h.addMock({ name: 'Ping', method: 'GET', path: '/ping' }, [{ body: 'pong' }]);
  h.core.catalog.events.onEvent((e) => heard.push(e));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const draft = (name: string, mocks: number) => ({
  project: { name },
  mocks: Array.from({ length: mocks }, (_, i) => ({
    name: `m${i}`,
    method: 'GET' as const,
    path: `/r${i}`,
    responses: [{ statusCode: 200, body: `r${i}` }],
  })),
});
const projectFile = (name: string, mocks: number): string =>
  JSON.stringify({ mockdeck: 'project', version: 1, ...draft(name, mocks) });
const count = (table: string): number =>
  (h.core.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('project-file import off the serving thread', () => {
  it('a 10,000-mock import leaves a concurrent mock answering in < 100 ms, and the new project serves at once', async () => {
    const text = projectFile('Big', 10_000);
    const results: ImportProjectResult[] = [];
    const served: number[] = [];
    const latencies = await latencyDuring(h.url('/ping'), async () => {
      const r = await h.core.router.call('projects.import', { text, source: 'big.mockdeck.json' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      results.push(r.value);
      // Right after the call answers: the events were delivered, the engine knows the project.
      const res = await fetch(`${h.base}/m/${r.value.slug}/r9999`);
      served.push(res.status);
      expect(await res.text()).toBe('r9999');
    });
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    expect(median(latencies)).toBeLessThan(100);
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) {
      expect(r.mockCount).toBe(10_000);
      expect(h.core.store.mocks.listByProject(r.project.id)).toHaveLength(10_000);
    }
    expect(new Set(served)).toEqual(new Set([200]));
    const imported = heard.filter((e) => e.type === 'project.imported').map((e) => e.payload.projectId);
    expect(imported).toEqual(results.map((r) => r.project.id));
  }, 120_000);

  it('a write that fails in the worker (slug taken, policy exact) leaves nothing and tells nothing', async () => {
    const before = { projects: count('projects'), mocks: count('mocks'), outbox: count('outbox'), heard: heard.length };
    const e = await h.core.catalog.trees
      .createOffThread(
        { ...draft('Shop again', 50), project: { name: 'Shop again', slug: 'shop' } },
        {
          source: 'project-file',
          slug: 'exact',
        },
      )
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'project.slug' });
    expect({
      projects: count('projects'),
      mocks: count('mocks'),
      outbox: count('outbox'),
      heard: heard.length,
    }).toEqual(before);
  });

  it('validation still happens before the write, naming the path in the file', async () => {
    const file = JSON.parse(projectFile('Bad', 3)) as { mocks: { responses: { statusCode: number }[] }[] };
    file.mocks[2]!.responses[0]!.statusCode = 99;
    const r = await h.core.router.dispatch('projects.import', { text: JSON.stringify(file), source: 'bad.json' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.field).toBe('mocks.2.responses.0.statusCode');
  });

  it('a write past its time limit is rolled back with a clear error, and the next write goes through', async () => {
    const before = { projects: count('projects'), mocks: count('mocks'), outbox: count('outbox'), heard: heard.length };
    const e = await h.core.catalog.trees
      .createOffThread(draft('Slow', 10_000), { source: 'project-file' }, { timeoutMs: 50 })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(e).toMatchObject({
      code: 'SERVER_ERROR',
      message: expect.stringMatching(/longer than 0.05 s and was rolled back/),
    });
    expect({
      projects: count('projects'),
      mocks: count('mocks'),
      outbox: count('outbox'),
      heard: heard.length,
    }).toEqual(before);
    // The terminated worker's connection held the write lock: it must have been released.
    const next = await h.core.catalog.trees.createOffThread(draft('After', 2), { source: 'project-file' });
    expect(h.core.store.mocks.listByProject(next.project.id)).toHaveLength(2);
  });
});

describe('closing the app during an import', () => {
  it('ends the write: it is either committed whole or rolled back with a clear error, never half', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-import-close-'));
    try {
      const app = await startHarness({ dataDir: other });
      const pending = app.core.catalog.trees.createOffThread(draft('Closing', 10_000), { source: 'project-file' }).then(
        (r) => ({ ok: true as const, id: r.project.id }),
        (e: unknown) => ({ ok: false as const, message: (e as Error).message }),
      );
      await app.close();
      const outcome = await pending;
      const store = openStore(other);
      try {
        const mocks = (store.db.prepare('SELECT COUNT(*) AS n FROM mocks').get() as { n: number }).n;
        if (outcome.ok) expect(store.mocks.listByProject(outcome.id)).toHaveLength(10_000);
        else {
          expect(outcome.message).toMatch(/closed while the project was being written; it was rolled back/);
          expect(mocks).toBe(0);
          expect(store.projects.list().map((p) => p.name)).toEqual(['Shop']);
        }
      } finally {
        store.close();
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
