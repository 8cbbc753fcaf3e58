import { beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import { AppError } from '../../../main/core/util/errors';
import type { Clock } from '../../../main/core/util/clock';

let store: Store;
let catalog: Catalog;
let t = Date.parse('2026-01-01T00:00:00Z');
const clock: Clock = { now: () => new Date((t += 1000)) };

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
});

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('projects', () => {
  it('derives a unique slug from the name and refuses an explicit duplicate', () => {
    expect(catalog.projects.create({ name: 'My API!' }).slug).toBe('my-api');
    expect(catalog.projects.create({ name: 'My API' }).slug).toBe('my-api-2');
    const e = appError(() => catalog.projects.create({ name: 'x', slug: 'my-api' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.field).toBe('slug');
  });

  it('names the bad field in validation errors and writes nothing', () => {
    const e = appError(() => catalog.projects.create({ name: '   ' }));
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.field).toBe('name');
    expect(e.message).toMatch(/name is required/);
    expect(appError(() => catalog.projects.create({ name: 'a', slug: 'Bad Slug' })).field).toBe('slug');
    expect(catalog.projects.list()).toHaveLength(0);
  });

  it('searches name and description case-insensitively, treating % and _ literally', () => {
    catalog.projects.create({ name: 'Payments', description: 'Stripe-like' });
    catalog.projects.create({ name: 'Users', description: 'accounts 100%' });
    expect(catalog.projects.list('PAY').map((p) => p.name)).toEqual(['Payments']);
    expect(catalog.projects.list('stripe').map((p) => p.name)).toEqual(['Payments']);
    expect(catalog.projects.list('100%').map((p) => p.name)).toEqual(['Users']);
    expect(catalog.projects.list('_')).toHaveLength(0);
  });

  it('deletes mocks and responses with the project', () => {
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/a' });
    const r = catalog.responses.create(m.id, { body: 'x' });
    catalog.projects.delete(p.id);
    expect(store.mocks.get(m.id)).toBeUndefined();
    expect(store.responses.get(r.id)).toBeUndefined();
    expect(appError(() => catalog.projects.get(p.id)).code).toBe('NOT_FOUND');
  });

  it('duplicates deeply with new ids, a -copy slug and a (Copy) name', () => {
    const p = catalog.projects.create({ name: 'Shop', port: 4000 });
    const m = catalog.mocks.create(p.id, { name: 'List', method: 'GET', path: '/items' });
    catalog.responses.create(m.id, {
      name: 'ok',
      body: '[]',
      isDefault: true,
      conditions: [{ type: 'header', field: 'x', operator: 'equals', value: '1' }],
    });
    const copy = catalog.projects.duplicate(p.id);
    expect(copy).toMatchObject({ name: 'Shop (Copy)', slug: 'shop-copy', port: null });
    const again = catalog.projects.duplicate(p.id);
    expect(again.slug).toBe('shop-copy-2');
    const mocks = catalog.mocks.list(copy.id);
    expect(mocks).toHaveLength(1);
    expect(mocks[0]!.id).not.toBe(m.id);
    const responses = catalog.responses.list(mocks[0]!.id);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ name: 'ok', body: '[]', isDefault: true });
    expect(responses[0]!.conditions).toHaveLength(1);
    // Independent of the original.
    catalog.responses.update(mocks[0]!.id, responses[0]!.id, { body: 'changed' });
    expect(catalog.responses.list(m.id)[0]!.body).toBe('[]');
  });

  it('refuses a port already used by another project', () => {
    catalog.projects.create({ name: 'A', port: 4000 });
    const b = catalog.projects.create({ name: 'B' });
    expect(appError(() => catalog.projects.update(b.id, { port: 4000 })).code).toBe('CONFLICT');
    expect(appError(() => catalog.projects.update(b.id, { port: 80 })).field).toBe('port');
  });
});

describe('mocks', () => {
  it('stores :id segments as {id} and validates the path', () => {
    const p = catalog.projects.create({ name: 'P' });
    expect(catalog.mocks.create(p.id, { name: 'm', method: 'get', path: '/users/:id' })).toMatchObject({
      path: '/users/{id}',
      method: 'GET',
      responseType: 'json',
      responseDelay: 0,
      responseMode: 'random',
      isActive: true,
    });
    for (const [path, msg] of [
      ['users', /start with/],
      ['/a?b=1', /query/],
      ['/a/{1x}', /name/],
      ['/a/x{id}', /whole segment/],
      ['/a/{id}/{id}', /twice/],
    ] as const) {
      const e = appError(() => catalog.mocks.create(p.id, { name: 'm', method: 'GET', path }));
      expect(e.field).toBe('path');
      expect(e.message).toMatch(msg);
    }
    expect(appError(() => catalog.mocks.create(p.id, { name: 'm', method: 'TRACE', path: '/' })).field).toBe('method');
    expect(
      appError(() => catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/', responseDelay: -1 })).field,
    ).toBe('responseDelay');
    expect(appError(() => catalog.mocks.create('nope', { name: 'm', method: 'GET', path: '/' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('duplicates a mock with its responses into the same project', () => {
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'Get Users', method: 'GET', path: '/users' });
    catalog.responses.create(m.id, { name: 'a' });
    catalog.responses.create(m.id, { name: 'b' });
    const copy = catalog.mocks.duplicate(m.id);
    expect(copy.name).toBe('Get Users (Copy)');
    expect(catalog.responses.list(copy.id).map((r) => r.name)).toEqual(['a', 'b']);
    expect(catalog.mocks.list(p.id).map((x) => x.responseCount)).toEqual([2, 2]);
  });

  it('emits a change event per edit', () => {
    const seen: string[] = [];
    catalog.events.on((c) => seen.push(c.kind));
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/' });
    catalog.responses.create(m.id, {});
    catalog.projects.delete(p.id);
    expect(seen).toEqual(['project', 'mock', 'response', 'deleted']);
  });
});

describe('responses', () => {
  it('applies the spec defaults and unsets the previous default', () => {
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/' });
    const a = catalog.responses.create(m.id, { isDefault: true });
    expect(a).toMatchObject({
      name: 'Response',
      statusCode: 200,
      weight: 100,
      isDefault: true,
      headers: {},
      conditions: [],
    });
    const b = catalog.responses.create(m.id, { name: 'b', isDefault: true });
    expect(catalog.responses.list(m.id).map((r) => [r.id, r.isDefault])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    catalog.responses.update(m.id, a.id, { isDefault: true });
    expect(catalog.responses.list(m.id).map((r) => r.isDefault)).toEqual([true, false]);
  });

  it('rejects bad status, non-string bodies, bad headers and bad regexes, naming the field', () => {
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/' });
    expect(appError(() => catalog.responses.create(m.id, { statusCode: 99 })).field).toBe('statusCode');
    const body = appError(() => catalog.responses.create(m.id, { body: { a: 1 } as unknown as string }));
    expect(body.field).toBe('body');
    expect(body.message).toMatch(/JSON.stringify/);
    expect(appError(() => catalog.responses.create(m.id, { headers: { 'bad name': 'x' } })).field).toBe(
      'headers.bad name',
    );
    const re = appError(() =>
      catalog.responses.create(m.id, { conditions: [{ type: 'header', field: 'x', operator: 'regex', value: '(' }] }),
    );
    expect(re.field).toBe('conditions.0.value');
    expect(re.message).toMatch(/regex/);
    expect(catalog.responses.list(m.id)).toHaveLength(0);
  });

  it('reorders only with a complete permutation', () => {
    const p = catalog.projects.create({ name: 'P' });
    const m = catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/' });
    const a = catalog.responses.create(m.id, { name: 'a' });
    const b = catalog.responses.create(m.id, { name: 'b' });
    expect(catalog.responses.reorder(m.id, [b.id, a.id]).map((r) => r.name)).toEqual(['b', 'a']);
    expect(appError(() => catalog.responses.reorder(m.id, [a.id])).field).toBe('order');
    expect(appError(() => catalog.responses.reorder(m.id, [a.id, a.id])).field).toBe('order');
  });
});

describe('batchCreate', () => {
  it('creates a project, mocks and responses from the AI payload shape', () => {
    const r = catalog.batchCreate({
      name: 'Social',
      endpoints: [
        {
          method: 'GET',
          route: '/users',
          description: 'Gets users',
          scenarios: [{ name: 'Success', status: 200, responseBody: [{ id: 1 }] }],
        },
        {
          method: 'post',
          route: '/users/:id',
          scenarios: [{ status: 201 }, { name: 'Boom', status: 500, responseBody: { error: 'x' } }],
        },
      ],
    });
    expect(r).toMatchObject({ mockCount: 2, responseCount: 3 });
    const mocks = catalog.mocks.list(r.project.id);
    expect(mocks.map((m) => [m.method, m.path, m.name])).toEqual([
      ['GET', '/users', 'Gets users'],
      ['POST', '/users/{id}', 'POST /users/:id'],
    ]);
    const rs = catalog.responses.list(mocks[0]!.id);
    expect(JSON.parse(rs[0]!.body)).toEqual([{ id: 1 }]);
    expect(rs[0]!.isDefault).toBe(true);
  });

  it('is all or nothing and names the failing endpoint', () => {
    const e = appError(() =>
      catalog.batchCreate({
        name: 'Broken',
        endpoints: [
          { method: 'GET', route: '/ok', scenarios: [] },
          { method: 'GET', route: 'no-slash', scenarios: [] },
        ],
      }),
    );
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.field).toBe('endpoints.1.route');
    expect(catalog.projects.list()).toHaveLength(0);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM mocks').get()).toEqual({ n: 0 });
  });
});
