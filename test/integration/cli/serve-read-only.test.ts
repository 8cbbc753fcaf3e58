import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, spawnServe, tempDir, type ServedProcess } from './cli-harness';

const TOKEN = 'replica-token-0123456789abcdef';
const served: ServedProcess[] = [];
afterAll(() => {
  for (const s of served) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  removeTempDirs();
});

const projectFile = {
  mockdeck: 'project',
  version: 1,
  project: { name: 'Replica API', slug: 'replica-api' },
  mocks: [
    {
      name: 'GET /users/{id}',
      path: '/users/{id}',
      method: 'GET',
      responses: [{ statusCode: 200, body: '{"id":"{{urlParam \'id\'}}","name":"Ada"}', isDefault: true }],
    },
    { name: 'POST /users', path: '/users', method: 'POST', responses: [{ statusCode: 201, body: '{"created":true}' }] },
  ],
};

async function replica(file: string, extra: string[] = []): Promise<ServedProcess> {
  const s = await spawnServe(['--port', '0', '--project', file, ...extra], { MOCKDECK_API_TOKEN: TOKEN });
  served.push(s);
  return s;
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('mockdeck serve --project (read-only replicas)', () => {
  it('two replicas of one file answer identically, refuse changes, and never touch the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replica.mockdeck.json');
    writeFileSync(file, JSON.stringify(projectFile));
    const before = { hash: sha(file), mtime: statSync(file).mtimeMs, entries: readdirSync(dir) };

    const [a, b] = await Promise.all([replica(file), replica(file)]);
    expect(a.line).toMatchObject({ event: 'listening', dataDir: null, readOnly: true });
    for (const s of [a, b]) {
      const get = await fetch(`${s.line.mockBaseUrl}replica-api/users/42`);
      expect(get.status).toBe(200);
      expect(await get.json()).toEqual({ id: '42', name: 'Ada' });
      const post = await fetch(`${s.line.mockBaseUrl}replica-api/users`, { method: 'POST' });
      expect(post.status).toBe(201);
      expect((await fetch(`${s.line.url}/health/ready`)).status).toBe(200);
    }

    // Reads work over the management API; changes are refused with the reason and the fix.
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const list = await fetch(`${a.line.url}/projects`, { headers: auth });
    expect(list.status).toBe(200);
    const created = await fetch(`${a.line.url}/projects`, { method: 'POST', headers: auth, body: '{"name":"x"}' });
    expect(created.status).toBe(403);
    expect(await created.json()).toMatchObject({ message: expect.stringMatching(/read-only/) });

    for (const s of [a, b]) s.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
    expect({ hash: sha(file), mtime: statSync(file).mtimeMs, entries: readdirSync(dir) }).toEqual(before);
  });

  it('--logs stdout prints each request as a JSON line; a broken file stops the start naming it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replica.mockdeck.json');
    writeFileSync(file, JSON.stringify(projectFile));
    const s = await replica(file, ['--logs', 'stdout']);
    await fetch(`${s.line.mockBaseUrl}replica-api/users/7`);
    await fetch(`${s.line.mockBaseUrl}replica-api/nope`);
    await expect
      .poll(() => s.stdout().trim().split('\n').slice(1).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const lines = s
      .stdout()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as { event: string; requestPath: string; responseStatus: number });
    expect(lines.map((l) => [l.event, l.requestPath, l.responseStatus])).toEqual([
      ['request', '/users/7', 200],
      ['request', '/nope', 404],
    ]);
    s.child.kill('SIGTERM');
    await s.exited;

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"mockdeck":"project","version":1,"project":{}}');
    await expect(spawnServe(['--port', '0', '--project', broken], { MOCKDECK_API_TOKEN: TOKEN })).rejects.toThrow(
      /broken\.json: .*project\.name/,
    );
  });
});
