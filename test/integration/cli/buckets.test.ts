import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import { mockdeck, removeTempDirs, spawnServe, tempDir } from './cli-harness';

afterAll(removeTempDirs);

describe('mockdeck buckets', () => {
  it('lists a project’s buckets and resets one, through the same calls as the app', async () => {
    const dir = tempDir();
    const store = openStore(dir);
    let bucketId: string;
    try {
      const catalog = new Catalog(store, systemClock);
      const p = catalog.projects.create({ name: 'Shop', slug: 'shop' });
      bucketId = catalog.buckets.create(p.id, { name: 'users', content: '[1]', description: 'people' }).id;
      store.buckets.setValue(bucketId, '[1,2]', new Date().toISOString());
    } finally {
      store.close();
    }
    const list = await mockdeck(['buckets', 'shop', '--data-dir', dir]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/users\s+no\s+people/);
    expect(JSON.parse((await mockdeck(['buckets', 'shop', '--json', '--data-dir', dir])).stdout)).toEqual([
      { name: 'users', id: bucketId, templated: false },
    ]);

    expect((await mockdeck(['buckets', 'shop', '--reset', 'users', '--data-dir', dir])).stdout).toBe(
      'bucket "users" reset to its content\n',
    );
    const after = openStore(dir);
    try {
      expect(after.buckets.value(bucketId)).toBeUndefined();
    } finally {
      after.close();
    }

    const missing = await mockdeck(['buckets', 'shop', '--reset', 'nope', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no data bucket named "nope"');
  });

  it('resets a bucket a running server holds when given --url, so its next write starts from the content', async () => {
    const dir = tempDir();
    const store = openStore(dir);
    try {
      const catalog = new Catalog(store, systemClock);
      const p = catalog.projects.create({ name: 'Shop', slug: 'shop' });
      catalog.buckets.create(p.id, { name: 'users', content: '[{"id":1,"name":"Ada"}]' });
      catalog.mocks.create(p.id, { name: 'users', method: 'GET', path: '/users', kind: 'crud', bucket: 'users' });
    } finally {
      store.close();
    }
    const served = await spawnServe(['--data-dir', dir, '--port', '0']);
    try {
      const users = `${served.line.mockBaseUrl}shop/users`;
      const post = await fetch(users, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"Grace"}',
      });
      expect(post.status).toBe(201);
      expect(((await (await fetch(users)).json()) as unknown[]).length).toBe(2);

      const listed = await mockdeck(['buckets', 'shop', '--json', '--url', served.line.url, '--data-dir', dir]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'users', templated: false })]);

      const r = await mockdeck(['buckets', 'shop', '--reset', 'users', '--url', served.line.url, '--data-dir', dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('bucket "users" reset to its content\n');
      // The server itself forgot Grace: a write after the reset starts from the content.
      expect(await (await fetch(users)).json()).toEqual([{ id: 1, name: 'Ada' }]);
      await fetch(users, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Lin"}' });
      expect(((await (await fetch(users)).json()) as { name: string }[]).map((u) => u.name)).toEqual(['Ada', 'Lin']);

      const missing = await mockdeck([
        'buckets',
        'shop',
        '--reset',
        'nope',
        '--url',
        served.line.url,
        '--data-dir',
        dir,
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no data bucket named "nope"');
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  });
});
