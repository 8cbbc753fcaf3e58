import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import { AppError } from '../../../main/core/util/errors';
import type { Clock } from '../../../main/core/util/clock';
import type { ProjectDraftInput } from '../../../shared/models';

let t = Date.parse('2026-01-01T00:00:00Z');
const clock: Clock = { now: () => new Date((t += 1000)) };
let store: Store;
let catalog: Catalog;

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
});
afterEach(() => store.close());

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const draft = (over: Partial<ProjectDraftInput> = {}): ProjectDraftInput => ({
  project: { name: 'Shop', slug: 'shop', port: 4100 },
  mocks: [
    { name: 'List', path: '/items', method: 'get', responses: [{ name: 'a' }, { name: 'b', isDefault: true }] },
    { name: 'One', path: '/items/:id', method: 'GET', responseMode: 'sequential', responses: [] },
    {
      name: 'Create',
      path: '/items',
      method: 'POST',
      responses: [{ name: 'x', isDefault: true }, { name: 'y', isDefault: true }, { name: 'z' }],
    },
  ],
  ...over,
});

describe('catalog.trees.create', () => {
  it('writes the whole tree in order, with the rules of one-by-one creation', () => {
    const r = catalog.trees.create(draft(), { source: 'project-file' });
    expect(r).toMatchObject({ mockCount: 3, responseCount: 5, adjusted: { slug: null, droppedPort: null } });
    expect(r.project).toMatchObject({ name: 'Shop', slug: 'shop', port: 4100 });
    const mocks = store.mocks.listByProject(r.project.id);
    expect(mocks.map((m) => [m.method, m.path, m.responseMode])).toEqual([
      ['GET', '/items', 'random'],
      ['GET', '/items/{id}', 'sequential'],
      ['POST', '/items', 'random'],
    ]);
    // At most one default per mock: the last one marked, as creating them in turn would leave.
    expect(store.responses.listByMock(mocks[2]!.id).map((x) => [x.name, x.isDefault])).toEqual([
      ['x', false],
      ['y', true],
      ['z', false],
    ]);
    expect(store.responses.listByMock(mocks[0]!.id).map((x) => x.sortOrder)).toEqual([0, 1]);
  });

  it('names the JSON path of a bad value and writes nothing', () => {
    const bad = draft();
    bad.mocks![2]!.responses = [{ name: 'ok' }, { statusCode: 700 }];
    const e = appError(() => catalog.trees.create(bad, { source: 'project-file' }));
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.field).toBe('mocks.2.responses.1.statusCode');
    expect(e.message).toMatch(/between 100 and 599/);
    expect(store.projects.list()).toEqual([]);
    expect(store.outbox.count()).toBe(0);
  });

  it('makes the slug unique and drops a taken port by default, reporting both', () => {
    catalog.trees.create(draft(), { source: 'project-file' });
    const r = catalog.trees.create(draft(), { source: 'project-file' });
    expect(r.project).toMatchObject({ slug: 'shop-2', port: null });
    expect(r.adjusted).toEqual({ slug: { wanted: 'shop', got: 'shop-2' }, droppedPort: 4100 });
  });

  it('refuses a taken slug or port when asked to, naming the draft path', () => {
    catalog.trees.create(draft(), { source: 'project-file' });
    const slug = appError(() => catalog.trees.create(draft(), { source: 'project-file', slug: 'exact' }));
    expect(slug).toMatchObject({ code: 'CONFLICT', field: 'project.slug' });
    const port = appError(() =>
      catalog.trees.create(draft({ project: { name: 'Other', port: 4100 } }), {
        source: 'project-file',
        port: 'refuse',
      }),
    );
    expect(port).toMatchObject({ code: 'CONFLICT', field: 'project.port' });
    expect(port.message).toMatch(/already assigned/);
    expect(store.projects.list()).toHaveLength(1);
  });

  it('derives the slug from the name when the draft has none', () => {
    const r = catalog.trees.create({ project: { name: 'Payments API!' } }, { source: 'sync' });
    expect(r).toMatchObject({ mockCount: 0, responseCount: 0, adjusted: { slug: null } });
    expect(r.project.slug).toBe('payments-api');
  });
});

describe('catalog.trees.addMocks', () => {
  it('appends mocks with their responses after the existing ones, one event per mock', () => {
    const p = catalog.projects.create({ name: 'P' });
    catalog.mocks.create(p.id, { name: 'first', method: 'GET', path: '/first' });
    const heard: string[] = [];
    catalog.events.onEvent((e) => heard.push(e.type));
    const [added] = catalog.trees.addMocks(p.id, [
      { name: 'copy', method: 'PUT', path: '/x/:id', responses: [{ body: 'b' }] },
    ]);
    expect(added).toMatchObject({ name: 'copy', path: '/x/{id}', projectId: p.id });
    expect(store.mocks.listByProject(p.id).map((m) => m.name)).toEqual(['first', 'copy']);
    expect(store.responses.listByMock(added!.id).map((r) => r.body)).toEqual(['b']);
    expect(heard).toEqual(['mock.created']);
  });

  it('names the path of a bad value under mocks', () => {
    const p = catalog.projects.create({ name: 'P' });
    const e = appError(() =>
      catalog.trees.addMocks(p.id, [{ name: 'm', method: 'GET', path: '/m', responses: [{}, { body: 5 }] }]),
    );
    expect(e.field).toBe('mocks.0.responses.1.body');
    expect(store.mocks.listByProject(p.id)).toEqual([]);
  });
});

describe('batch-create through the tree service', () => {
  it('names errors by the payload path: endpoints and scenarios, not mocks and responses', () => {
    const e = appError(() =>
      catalog.batchCreate({
        name: 'B',
        endpoints: [
          { method: 'GET', route: '/a', scenarios: [] },
          { method: 'GET', route: '/b', scenarios: [{ status: 200 }, { headers: { 'bad name': 'x' } }] },
        ],
      }),
    );
    expect(e.field).toBe('endpoints.1.scenarios.1.headers.bad name');
    expect(e.message).toMatch(/^endpoints\.1\.scenarios\.1\.headers/);
    expect(store.projects.list()).toEqual([]);
  });
});
