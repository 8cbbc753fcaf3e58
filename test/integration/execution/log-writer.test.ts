import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';
import { seeded } from './harness';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function openWithDir(logRetention: number): Promise<{ core: Core; base: string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-writer-'));
  dirs.push(dir);
  const core = Core.open({ dataDir: dir, port: 0, random: seeded(3), apiToken: 't', logRetention, logFlushMs: 20 });
  const base = (await core.server.start()).url!;
  return { core, base, dir };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!ok()) throw new Error('condition never became true');
}

describe('request logs written from a worker thread (data dir)', () => {
  it('moves writes to the worker, and flushLogs() returns once they are committed', async () => {
    const { core, base } = await openWithDir(40);
    try {
      const p = core.catalog.projects.create({ name: 'W', slug: 'w' });
      const m = core.catalog.mocks.create(p.id, { name: 'w', method: 'GET', path: '/w/{i}' });
      core.catalog.responses.create(m.id, { body: 'w' });
      // The first batch is written inline while the worker starts.
      await fetch(`${base}/m/w/w/0`);
      core.server.flushLogs();
      await until(() => core.server.logWriterMode() === 'worker');
      for (let i = 1; i <= 99; i++) await fetch(`${base}/m/w/w/${i}`);
      core.server.flushLogs();
      const page = core.store.logs.page({ projectId: p.id }, 1, 100);
      // Retention applies in the worker too; the hit counters count every request.
      expect(page.pagination.total).toBe(40);
      expect(page.data[0]!.requestPath).toBe('/w/99');
      expect(core.store.logs.mockCounters(p.id).get(m.id)?.totalRequests).toBe(100);
    } finally {
      await core.close();
    }
  });

  it.skipIf(process.platform !== 'linux')(
    'runs the writer thread at the lowest CPU priority (per-thread nice exists on Linux only)',
    async () => {
      const { core, base } = await openWithDir(10);
      try {
        core.catalog.projects.create({ name: 'N', slug: 'n' });
        await fetch(`${base}/m/n/x`);
        core.server.flushLogs();
        await until(() => core.server.logWriterMode() === 'worker');
        const tid = core.server.logWriterThread();
        expect(tid).not.toBeNull();
        expect(tid).not.toBe(process.pid);
        // /proc/<pid>/task/<tid>/stat: the 19th field after the command's closing parenthesis is nice.
        const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        expect(Number(fields[16])).toBe(19);
        const main = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
        expect(Number(main.slice(main.lastIndexOf(')') + 2).split(' ')[16])).toBeLessThan(19);
      } finally {
        await core.close();
      }
    },
  );

  it('writes what the worker still holds when the core closes', async () => {
    const { core, base, dir } = await openWithDir(1000);
    const p = core.catalog.projects.create({ name: 'C', slug: 'c' });
    const m = core.catalog.mocks.create(p.id, { name: 'c', method: 'GET', path: '/c' });
    core.catalog.responses.create(m.id, { body: 'c' });
    await fetch(`${base}/m/c/c`);
    core.server.flushLogs();
    await until(() => core.server.logWriterMode() === 'worker');
    for (let i = 0; i < 30; i++) await fetch(`${base}/m/c/c`);
    await core.close();
    const reopened = Core.open({ dataDir: dir, port: 0, apiToken: 't' });
    try {
      expect(reopened.store.logs.page({ projectId: p.id }, 1, 1).pagination.total).toBe(31);
    } finally {
      await reopened.close();
    }
  });

  it('keeps writing inline for an in-memory store', async () => {
    const core = Core.open({ dataDir: null, port: 0, apiToken: 't' });
    try {
      const base = (await core.server.start()).url!;
      const p = core.catalog.projects.create({ name: 'M', slug: 'm' });
      await fetch(`${base}/m/m/x`);
      core.server.flushLogs();
      expect(core.server.logWriterMode()).toBe('inline');
      expect(core.store.logs.page({ projectId: p.id }, 1, 1).pagination.total).toBe(1);
    } finally {
      await core.close();
    }
  });
});
