import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

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
});
