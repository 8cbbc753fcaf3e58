import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../main/core/app';
import { startUpstream } from '../proxy/upstream';
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  removeTempDirs();
});

describe('mockdeck record', () => {
  it('records what the upstream answers until SIGINT, prints it, and gives the project its settings back', async () => {
    const dataDir = tempDir();
    const seed = await openApp({ dataDir });
    seed.catalog.projects.create({ name: 'Shop', slug: 'shop' });
    await seed.close();
    const up = await startUpstream();
    try {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'main/cli.ts',
          'record',
          '--project',
          'shop',
          '--upstream',
          up.url,
          '--generalize-ids',
          '--port',
          '0',
          '--data-dir',
          dataDir,
        ],
        { cwd: root, env: { ...process.env, MOCKDECK_API_TOKEN: '', MOCKDECK_DATA_DIR: '' } },
      );
      children.push(child);
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const lines = (): Record<string, unknown>[] =>
        out
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as Record<string, unknown>);
      const waitFor = (event: string) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const check = () => {
            const l = lines().find((x) => x.event === event);
            if (l) resolve(l);
          };
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            check();
          });
          child.on('exit', (code) => reject(new Error(`record exited ${code} before "${event}": ${err}`)));
          check();
        });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

      const started = await waitFor('recording');
      expect(started).toMatchObject({ project: 'shop', upstream: up.url });
      const base = started.mockBaseUrl as string;
      const user = await fetch(`${base}users/5`, { headers: { authorization: 'Bearer cli-secret-token' } });
      expect(user.status).toBe(200);
      await user.text();
      expect(await waitFor('recorded')).toMatchObject({ method: 'GET', path: '/users/{id}', status: 200 });
      // Answered by the recorded mock, not the upstream.
      await (await fetch(`${base}users/6`)).text();
      expect(up.hits('/users/6')).toBe(0);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(lines().find((l) => l.event === 'stopped')).toEqual({
        event: 'stopped',
        recorded: 1,
        mocks: ['GET /users/{id}'],
      });

      const after = await openApp({ dataDir });
      try {
        const p = after.store.projects.getBySlug('shop')!;
        expect(p).toMatchObject({ proxyMode: 'off', upstreamUrl: null, recordGeneralizeIds: false });
        const [mock] = after.store.mocks.listByProject(p.id);
        expect(mock).toMatchObject({ method: 'GET', path: '/users/{id}' });
        const [response] = after.store.responses.listByMock(mock!.id);
        expect(response!.body).not.toContain('cli-secret-token');
      } finally {
        await after.close();
      }
    } finally {
      await up.stop();
    }
  }, 60_000);

  it('names what is missing', async () => {
    const r = await mockdeck(['record', '--project', 'shop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--upstream URL/);
  });
});
