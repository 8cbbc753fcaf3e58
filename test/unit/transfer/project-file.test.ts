import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import {
  exportProject,
  importProject,
  PROJECT_FILE_CHAIN,
  PROJECT_FILE_VERSION,
  serializeProjectFile,
  upgradeProjectFile,
  type UpgradeChain,
} from '../../../main/core/transfer';
import { AppError } from '../../../main/core/util/errors';

const clock = { now: () => new Date('2026-03-01T12:00:00.000Z') };
let store: Store;
let catalog: Catalog;

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
});
afterEach(() => store.close());

function seed(): string {
  const p = catalog.projects.create({ name: 'Shop API', description: 'orders', isPublic: true, port: 4010 });
  const m1 = catalog.mocks.create(p.id, {
    name: 'List users',
    path: '/users',
    method: 'GET',
    responseDelay: 20,
    responseMode: 'sequential',
  });
  catalog.mocks.create(p.id, { name: 'Off', path: '/off', method: 'DELETE', isActive: false, responseType: 'text' });
  catalog.responses.create(m1.id, { name: 'OK', statusCode: 200, headers: { 'X-A': '1' }, body: '[]', weight: 3 });
  catalog.responses.create(m1.id, {
    name: 'Admin',
    statusCode: 202,
    isDefault: true,
    conditions: [{ type: 'header', field: 'x-role', operator: 'regex', value: '^adm' }],
  });
  return p.slug;
}

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};
const rejectionOf = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('project file export', () => {
  it('writes the versioned native format with camelCase fields and no ids', () => {
    const file = exportProject(store, seed(), clock);
    expect(file).toEqual({
      mockdeck: 'project',
      version: PROJECT_FILE_VERSION,
      exportedAt: '2026-03-01T12:00:00.000Z',
      project: {
        name: 'Shop API',
        description: 'orders',
        slug: 'shop-api',
        isPublic: true,
        templatingSeed: null,
        port: 4010,
        chaos: null,
      },
      mocks: [
        {
          name: 'List users',
          path: '/users',
          method: 'GET',
          description: '',
          responseType: 'json',
          responseDelay: 20,
          responseMode: 'sequential',
          responseSelection: 'weighted',
          isActive: true,
          chaos: null,
          kind: 'http',
          bucket: null,
          crudKey: 'id',
          responses: [
            {
              name: 'OK',
              statusCode: 200,
              headers: { 'X-A': '1' },
              body: '[]',
              isDefault: false,
              weight: 3,
              conditions: [],
              disableTemplating: false,
              conditionLogic: 'and',
              scenarioName: '',
              requiredScenarioState: '',
              newScenarioState: '',
            },
            {
              name: 'Admin',
              statusCode: 202,
              headers: {},
              body: '',
              isDefault: true,
              weight: 100,
              conditions: [{ type: 'header', field: 'x-role', operator: 'regex', value: '^adm' }],
              disableTemplating: false,
              conditionLogic: 'and',
              scenarioName: '',
              requiredScenarioState: '',
              newScenarioState: '',
            },
          ],
        },
        {
          name: 'Off',
          path: '/off',
          method: 'DELETE',
          description: '',
          responseType: 'text',
          responseDelay: 0,
          responseMode: 'random',
          responseSelection: 'weighted',
          isActive: false,
          chaos: null,
          kind: 'http',
          bucket: null,
          crudKey: 'id',
          responses: [],
        },
      ],
      buckets: [],
    });
    // No id field (a CRUD key field may be *named* "id": that is a value, not an id).
    expect(serializeProjectFile(file)).not.toMatch(/"id":|Id":|token/i);
  });

  it('finds the project by id too, and names a missing slug', () => {
    const slug = seed();
    const id = store.projects.getBySlug(slug)!.id;
    expect(exportProject(store, id, clock).project.slug).toBe(slug);
    const e = errorOf(() => exportProject(store, 'nope', clock));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('"nope"');
  });
});

describe('project file import', () => {
  it('round-trips into another store as a new project with new ids', async () => {
    const file = JSON.parse(serializeProjectFile(exportProject(store, seed(), clock))) as unknown;
    const other = openStore(null);
    try {
      const result = await importProject(new Catalog(other, clock), file);
      expect(result).toMatchObject({
        slug: 'shop-api',
        slugChanged: false,
        mockCount: 2,
        responseCount: 2,
        droppedPort: null,
      });
      expect(result.project.port).toBe(4010);
      // Exporting the import gives the same file: nothing was lost or changed on the way.
      expect(exportProject(other, 'shop-api', clock)).toEqual(exportProject(store, 'shop-api', clock));
      expect(result.project.id).not.toBe(store.projects.getBySlug('shop-api')!.id);
    } finally {
      other.close();
    }
  });

  it('makes the slug unique and drops a port another project owns, reporting both', async () => {
    const file = exportProject(store, seed(), clock);
    const again = await importProject(catalog, file);
    expect(again).toMatchObject({ slug: 'shop-api-2', slugChanged: true, droppedPort: 4010 });
    expect(again.project.port).toBeNull();
    expect(catalog.projects.list().map((p) => p.slug)).toEqual(['shop-api', 'shop-api-2']);
    expect(store.mocks.listByProject(again.project.id)).toHaveLength(2);
  });

  it('accepts a minimal hand-written file, filling defaults', async () => {
    const r = await importProject(catalog, {
      mockdeck: 'project',
      version: 1,
      project: { name: 'Tiny' },
      mocks: [{ name: 'Ping', path: '/ping', method: 'get', responses: [{ body: 'pong' }] }],
    });
    expect(r.slug).toBe('tiny');
    const [mock] = store.mocks.listByProject(r.project.id);
    expect(mock).toMatchObject({ method: 'GET', isActive: true, responseType: 'json' });
    expect(store.responses.listByMock(mock!.id)[0]).toMatchObject({ name: 'Response', statusCode: 200, body: 'pong' });
  });

  it.each([
    ['not an object', [1, 2], undefined, /JSON object/],
    [
      'another kind of file',
      { mockdeck: 'workspace', version: 1, project: { name: 'x' } },
      'mockdeck',
      /not a MockDeck project file/,
    ],
    ['a missing project name', { mockdeck: 'project', version: 1, project: {} }, 'project.name', /name is required/],
    [
      'a bad path in a mock',
      {
        mockdeck: 'project',
        version: 1,
        project: { name: 'x' },
        mocks: [
          { name: 'a', path: '/a', method: 'GET' },
          { name: 'b', path: 'b', method: 'GET' },
        ],
      },
      'mocks.1.path',
      /start with "\/"/,
    ],
    [
      'a body that is not a string',
      {
        mockdeck: 'project',
        version: 1,
        project: { name: 'x' },
        mocks: [{ name: 'a', path: '/a', method: 'GET', responses: [{}, { body: { a: 1 } }] }],
      },
      'mocks.0.responses.1.body',
      /string/,
    ],
    [
      'a bad regex',
      {
        mockdeck: 'project',
        version: 1,
        project: { name: 'x' },
        mocks: [
          {
            name: 'a',
            path: '/a',
            method: 'GET',
            responses: [{ conditions: [{ type: 'query', field: 'q', operator: 'regex', value: '[' }] }],
          },
        ],
      },
      'mocks.0.responses.0.conditions.0.value',
      /regex/,
    ],
  ])('refuses %s, naming where the problem is, and creates nothing', async (_label, input, field, message) => {
    const e = await rejectionOf(importProject(catalog, input));
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(catalog.projects.list()).toEqual([]);
  });

  it('refuses a file from a newer MockDeck with a clear message', async () => {
    const e = await rejectionOf(
      importProject(catalog, {
        mockdeck: 'project',
        version: PROJECT_FILE_VERSION + 1,
        project: { name: 'x' },
        hologram: true,
      }),
    );
    expect(e.message).toMatch(/version 2, written by a newer MockDeck; this MockDeck reads version 1/);
    expect(e.hint).toMatch(/update MockDeck/);
    expect(catalog.projects.list()).toEqual([]);
  });

  it('is all or nothing: a failure after some rows were written rolls every row back', async () => {
    const input = {
      mockdeck: 'project',
      version: 1,
      project: { name: 'Atomic' },
      mocks: [
        { name: 'a', path: '/a', method: 'GET', responses: [{ body: 'ok' }] },
        { name: 'b', path: '/b', method: 'GET', responses: [{ body: 'ok' }, { body: 'boom' }] },
      ],
    };
    // The file is valid; make the store fail on the third response, after the project,
    // both mocks and two responses were inserted inside the transaction.
    const insert = store.responses.insert.bind(store.responses);
    let calls = 0;
    store.responses.insert = (r) => {
      if (++calls === 3) throw new Error('disk full');
      insert(r);
    };
    const heard: string[] = [];
    catalog.events.onEvent((e) => heard.push(e.type));
    catalog.events.on((c) => heard.push(c.kind));
    await expect(importProject(catalog, input)).rejects.toThrow('disk full');
    expect(calls).toBe(3);
    expect(catalog.projects.list()).toEqual([]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM mocks').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 0 });
    // Nothing was announced for the rolled-back project, now or later, and no outbox row is left.
    expect(heard).toEqual([]);
    expect(store.outbox.count()).toBe(0);
    catalog.projects.create({ name: 'Later' });
    expect(heard).toEqual(['project.created', 'project']);
  });
});

describe('project file upgrades', () => {
  // A synthetic future: version 2 renamed `mocks` to `routes`, version 3 nested the project's
  // port under `serve`. A real version-1 file must come out of the chain in version 3's shape.
  const chain: UpgradeChain = {
    current: 3,
    upgrades: [
      {
        from: 2,
        upgrade: ({ project, ...rest }) => {
          const { port, ...p } = project as Record<string, unknown>;
          return { ...rest, project: { ...p, serve: { port } } };
        },
      },
      { from: 1, upgrade: ({ mocks, ...rest }) => ({ ...rest, routes: mocks }) },
    ],
  };

  it('runs every registered step, in version order, on a real version-1 file', () => {
    const v1 = JSON.parse(serializeProjectFile(exportProject(store, seed(), clock))) as Record<string, unknown>;
    expect(v1.version).toBe(1);
    const up = upgradeProjectFile(v1, chain) as Record<string, unknown>;
    expect(up.version).toBe(3);
    expect(up.mocks).toBeUndefined();
    expect(up.routes).toEqual(v1.mocks);
    expect(up.project).toEqual({
      name: 'Shop API',
      description: 'orders',
      isPublic: true,
      templatingSeed: null,
      slug: 'shop-api',
      chaos: null,
      serve: { port: 4010 },
    });
    // A file already at the newest version passes untouched; a newer one is refused.
    expect(upgradeProjectFile(up, chain)).toEqual(up);
    expect(() => upgradeProjectFile({ ...up, version: 4 }, chain)).toThrow(/version 4, written by a newer MockDeck/);
  });

  it('fails loudly when a step between two versions was never registered', () => {
    const gap: UpgradeChain = { current: 3, upgrades: chain.upgrades.filter((u) => u.from === 1) };
    expect(() => upgradeProjectFile({ mockdeck: 'project', version: 1, project: { name: 'x' } }, gap)).toThrow(
      /upgrade from version 2 is not registered/,
    );
  });

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < PROJECT_FILE_CHAIN.current; v++) {
      expect(PROJECT_FILE_CHAIN.upgrades.some((u) => u.from === v)).toBe(true);
    }
    expect(PROJECT_FILE_CHAIN.current).toBe(PROJECT_FILE_VERSION);
  });

  it('leaves another kind of file to validation, which names it', async () => {
    const other = { mockdeck: 'workspace', version: 9 };
    expect(upgradeProjectFile(other)).toBe(other);
    expect((await rejectionOf(importProject(catalog, other))).field).toBe('mockdeck');
  });
});
