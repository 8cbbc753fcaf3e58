import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { FederationDefinitions } from '../../../main/core/federation/federations';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import type { Federation } from '../../../shared/models';
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

let dir: string;

beforeAll(() => {
  dir = tempDir();
  const store = openStore(dir);
  try {
    const catalog = new Catalog(store, systemClock);
    const auth = catalog.projects.create({ name: 'Auth', slug: 'auth' });
    const pay = catalog.projects.create({ name: 'Pay', slug: 'pay' });
    new FederationDefinitions(store, systemClock).create({
      name: 'shop',
      services: [
        { name: 'auth', workspace_id: auth.id, base_path: '/auth', reality_level: 'real' },
        {
          name: 'payments',
          workspace_id: pay.id,
          base_path: '/payments',
          reality_level: 'blended',
          dependencies: ['auth'],
        },
      ],
    });
  } finally {
    store.close();
  }
});
afterAll(() => removeTempDirs());

describe('mockdeck federation', () => {
  it('lists the federations of the data dir', async () => {
    const r = await mockdeck(['federation', 'list', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+SERVICES\s+PATH\nshop\s+2\s+\/f\/shop\/\n$/);
  });

  it('shows one by name, as a table or JSON', async () => {
    const r = await mockdeck(['federation', 'show', 'shop', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/payments\s+\/payments\s+blended\s+\S+\s+auth/);
    const j = await mockdeck(['federation', 'show', 'shop', '--json', '--data-dir', dir]);
    expect((JSON.parse(j.stdout) as Federation).services.map((s) => s.name)).toEqual(['auth', 'payments']);
  });

  it('says what is wrong with an unknown name or verb', async () => {
    const r = await mockdeck(['federation', 'show', 'nope', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no federation is named "nope"/);
    const v = await mockdeck(['federation', 'delete', '--data-dir', dir]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/takes list or show, got "delete"/);
  });
});
