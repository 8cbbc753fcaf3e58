import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import { importProject } from '../../../main/core/transfer';
import type { Clock } from '../../../main/core/util/clock';
import { routeKey, routePrefix } from '../../../shared/models';

let store: Store;
let catalog: Catalog;
let projectId: string;
let t = Date.parse('2026-01-01T00:00:00Z');
const clock: Clock = { now: () => new Date((t += 1000)) };

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
  projectId = catalog.projects.create({ name: 'Shop' }).id;
});
afterEach(() => store.close());

describe('route shadowing', () => {
  it('treats {id}, :id, other parameter names and a trailing slash as one route', () => {
    expect(routeKey('get', '/users/{id}/')).toBe(routeKey('GET', '/users/:userId'));
    expect(routeKey('GET', '/users/{id}')).not.toBe(routeKey('POST', '/users/{id}'));
    expect(routeKey('GET', '/users/{id}')).not.toBe(routeKey('GET', '/users/me'));
  });

  it('warns when a new mock has the method and path of an active one, naming both and offering to deactivate either', () => {
    const first = catalog.mocks.create(projectId, { name: 'Get user', method: 'GET', path: '/users/{id}' });
    expect(first.warnings).toBeUndefined();
    const second = catalog.mocks.create(projectId, { name: 'Get user 2', method: 'GET', path: '/users/:uid' });
    expect(second.warnings).toEqual([
      expect.objectContaining({
        code: 'ROUTE_SHADOWED',
        mockId: second.id,
        shadowedBy: first.id,
        deactivate: [second.id, first.id],
      }),
    ]);
    expect(second.warnings![0]!.message).toMatch(/"Get user 2".*shadowed by "Get user"/);
    // Another method, or an inactive twin, shadows nothing.
    expect(
      catalog.mocks.create(projectId, { name: 'p', method: 'POST', path: '/users/{id}' }).warnings,
    ).toBeUndefined();
    expect(
      catalog.mocks.create(projectId, { name: 'off', method: 'GET', path: '/users/{x}', isActive: false }).warnings,
    ).toBeUndefined();
  });

  it('finds the twin whatever its parameter names or trailing slash, reading only paths that start alike', () => {
    // The write-time check reads mocks by routePrefix: every path with the same route key shares it.
    for (const [a, b] of [
      ['/users/{id}/', '/users/:userId'],
      ['/users/', '/users'],
      ['/', '/'],
      ['/{a}/x', '/:b/x/'],
      ['/files/*', '/files/*'],
    ] as const) {
      expect(routeKey('GET', a)).toBe(routeKey('GET', b));
      expect(routePrefix(a)).toBe(routePrefix(b));
    }
    expect(routePrefix('/users/{id}/orders/{o}')).toBe('/users');
    catalog.mocks.create(projectId, { name: 'a', method: 'GET', path: '/users/' });
    catalog.mocks.create(projectId, { name: 'b', method: 'GET', path: '/users2' });
    expect(
      catalog.mocks.create(projectId, { name: 'c', method: 'GET', path: '/users' }).warnings?.[0]?.message,
    ).toMatch(/"c".*shadowed by "a"/);
    const root = catalog.mocks.create(projectId, { name: 'r', method: 'GET', path: '/{id}' });
    expect(catalog.mocks.create(projectId, { name: 'r2', method: 'GET', path: '/:x/' }).warnings?.[0]?.shadowedBy).toBe(
      root.id,
    );
  });

  it('warns on duplicate, and the list marks the shadowed mock until one of them is deactivated', () => {
    const m = catalog.mocks.create(projectId, { name: 'List', method: 'GET', path: '/items' });
    const copy = catalog.mocks.duplicate(m.id);
    expect(copy.warnings?.[0]?.shadowedBy).toBe(m.id);
    const marks = () => Object.fromEntries(catalog.mocks.list(projectId).map((s) => [s.id, s.shadowedBy]));
    expect(marks()).toEqual({ [m.id]: null, [copy.id]: m.id });
    catalog.mocks.update(m.id, { isActive: false });
    expect(marks()).toEqual({ [m.id]: null, [copy.id]: null });
    // Switching it back on warns again: the earlier mock now hides the copy.
    expect(catalog.mocks.update(m.id, { isActive: true }).warnings?.[0]?.mockId).toBe(copy.id);
  });

  it('warns when an imported document defines one route twice', async () => {
    const file = (second: string) => ({
      mockdeck: 'project',
      version: 1,
      project: { name: 'Twice' },
      mocks: [
        { name: 'one', method: 'GET', path: '/a/{id}' },
        { name: 'two', method: 'GET', path: second },
      ],
    });
    expect((await importProject(catalog, file('/b/{id}'))).warnings).toBeUndefined();
    const twice = await importProject(catalog, file('/a/:x'));
    expect(twice.warnings).toHaveLength(1);
    expect(twice.warnings![0]!.message).toMatch(/"two" is shadowed|\("two"\) is shadowed/);
  });
});
