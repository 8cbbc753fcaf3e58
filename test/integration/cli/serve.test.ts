import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/store';
import { removeTempDirs, spawnServe, tempDir } from './cli-harness';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  removeTempDirs();
});

/** `mockdeck serve` as a real process (cli-harness.ts), killed after the suite; `exited` is its exit code. */
async function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const s = await spawnServe(args, env);
  children.push(s.child);
  return { ...s, exited: s.exited.then((e) => e.code) };
}

describe('mockdeck serve', () => {
  it('prints one JSON line once it answers, serves, and exits 0 on SIGTERM with logs flushed', async () => {
    const dataDir = tempDir();
    const s = await serve(['--port', '0', '--data-dir', dataDir]);
    expect(s.line).toEqual({
      event: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      mockBaseUrl: `${s.line.url}/m/`,
      dataDir,
      tokenFile: path.join(dataDir, 'api-token'),
    });
    expect(s.line.url).not.toMatch(/:0$/);

    const token = readFileSync(s.line.tokenFile!, 'utf8').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const api = (method: string, p: string, body?: unknown) =>
      fetch(s.line.url + p, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, json: await r.json() }));

    expect((await fetch(`${s.line.url}/projects`)).status).toBe(401);
    const p = await api('POST', '/projects', { name: 'CLI API' });
    expect(p.status).toBe(201);
    const m = await api('POST', `/projects/${p.json.data.project_id}/mocks`, {
      name: 'Hello',
      path: '/hello',
      method: 'GET',
    });
    await api('POST', `/mocks/${m.json.data.mock_id}/responses`, { body: '{"hello":"world"}' });
    const hit = await fetch(`${s.line.mockBaseUrl}cli-api/hello`);
    expect(hit.status).toBe(200);
    expect(await hit.json()).toEqual({ hello: 'world' });

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stdout().trim().split('\n')).toHaveLength(1);

    // The request log queued at SIGTERM was written before the database closed.
    const store = openStore(dataDir);
    try {
      const logs = store.logs.page({ mockId: m.json.data.mock_id }, 1, 10);
      expect(logs.data.map((l) => [l.requestPath, l.responseStatus])).toEqual([['/hello', 200]]);
    } finally {
      store.close();
    }
  });

  it('uses --token instead of the token file, and stops on SIGINT too', async () => {
    const dataDir = tempDir();
    const s = await serve(['--port', '0', '--data-dir', dataDir, '--token', 'my-ci-token-0123456789']);
    expect(s.line.tokenFile).toBeNull();
    const ok = await fetch(`${s.line.url}/projects`, { headers: { authorization: 'Bearer my-ci-token-0123456789' } });
    expect(ok.status).toBe(200);
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
  });

  it('exits 1 with one clear line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'main/cli.ts', 'serve', '--port', String(port), '--data-dir', tempDir()],
        {
          cwd: root,
          env: { ...process.env, MOCKDECK_API_TOKEN: '' },
        },
      );
      children.push(child);
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`mockdeck serve: error: .*${port}`));
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});
