import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server/index';
import {
  localSnapshot as rawLocal,
  newUser,
  openLocal,
  remoteProjects,
  remoteSnapshot as rawRemote,
  seedProject,
  startServer,
  unordered,
  type Local,
} from './harness';

const localSnapshot = (...a: Parameters<typeof rawLocal>) => unordered(rawLocal(...a));
const remoteSnapshot = (...a: Parameters<typeof rawRemote>) => unordered(rawRemote(...a));

describe('sync conflicts are recorded, shown and resolved by the user', () => {
  let server: CloudServerHandle;
  let a: Local;
  let b: Local;

  const projectOf = (l: Local) => l.catalog.projects.list().find((p) => p.name === 'Shared')!;
  const mockOf = (l: Local, name: string) => l.store.mocks.listByProject(projectOf(l).id).find((m) => m.name === name)!;
  const syncAll = async () => {
    await a.cloud.sync.run();
    await b.cloud.sync.run();
    await a.cloud.sync.run();
  };

  beforeAll(async () => {
    server = await startServer();
    a = openLocal(server.url);
    b = openLocal(server.url);
    const user = newUser();
    await a.cloud.session.register(user);
    await b.cloud.session.login(user);
    seedProject(a.catalog, 'Shared', 4);
    await a.cloud.sync.run();
    await b.cloud.sync.run();
  });
  afterAll(async () => {
    a.close();
    b.close();
    await server.close();
  });

  /** Both sides edit "Mock N"; A syncs first, so B's sync finds the conflict. */
  async function conflictOn(name: string) {
    a.catalog.mocks.update(mockOf(a, name).id, {
      path: `/from-a/${name.replace(' ', '')}`,
      description: 'A wrote this',
    });
    b.catalog.mocks.update(mockOf(b, name).id, { description: 'B wrote this', responseDelay: 7 });
    await a.cloud.sync.run();
    const res = await b.cloud.sync.run();
    expect(res.conflicts).toBe(1);
    const conflicts = b.cloud.conflicts();
    expect(conflicts).toHaveLength(1);
    return conflicts[0]!;
  }

  it('records both versions with a field-level diff and never overwrites either side', async () => {
    const c = await conflictOn('Mock 0');
    expect(c.kind).toBe('mock');
    expect(c.projectId).toBe(projectOf(b).id);
    const fields = Object.fromEntries(c.fields.map((f) => [f.field, f]));
    expect(fields.description).toEqual({
      field: 'description',
      base: '',
      mine: 'B wrote this',
      theirs: 'A wrote this',
    });
    expect(fields.path).toMatchObject({ mine: '/items/0/{id}', theirs: '/from-a/Mock0' });
    expect(fields.responseDelay).toMatchObject({ base: 0, mine: 7, theirs: 0 });
    expect(fields.name).toBeUndefined();
    // Nothing silently dropped: B keeps its edit, the cloud keeps A's.
    expect(mockOf(b, 'Mock 0').description).toBe('B wrote this');
    const rp = remoteProjects(server)[0]!.project_id;
    expect(remoteSnapshot(server, rp).mocks.find((m) => m.name === 'Mock 0')?.description).toBe('A wrote this');
    // Re-syncing keeps the conflict (same id) instead of choosing.
    await b.cloud.sync.run();
    expect(b.cloud.conflicts().map((x) => x.id)).toEqual([c.id]);
    expect(b.cloud.sync.status().conflicts).toBe(1);
  });

  it('keep mine: my version goes to the cloud and to the other machine', async () => {
    const [c] = b.cloud.conflicts();
    expect(b.cloud.resolve(c!.id, 'mine')).toMatchObject({ resolved: true, remaining: 0 });
    await b.cloud.sync.run();
    await a.cloud.sync.run();
    expect(mockOf(a, 'Mock 0')).toMatchObject({ description: 'B wrote this', responseDelay: 7, path: '/items/0/{id}' });
    expect(localSnapshot(a.catalog, projectOf(a).id)).toEqual(localSnapshot(b.catalog, projectOf(b).id));
  });

  it('keep theirs: the cloud version replaces mine', async () => {
    const c = await conflictOn('Mock 1');
    b.cloud.resolve(c.id, 'theirs');
    await b.cloud.sync.run();
    expect(mockOf(b, 'Mock 1')).toMatchObject({ description: 'A wrote this', path: '/from-a/Mock1', responseDelay: 0 });
    await a.cloud.sync.run();
    expect(localSnapshot(a.catalog, projectOf(a).id)).toEqual(localSnapshot(b.catalog, projectOf(b).id));
  });

  it('keep both: mine stays, the cloud version becomes a new mock with its responses, on both machines', async () => {
    const c = await conflictOn('Mock 2');
    const { createdLocalId } = b.cloud.resolve(c.id, 'both');
    expect(createdLocalId).toBeTruthy();
    const copy = b.store.mocks.get(createdLocalId!)!;
    expect(copy).toMatchObject({ name: 'Mock 2 (cloud copy)', description: 'A wrote this', path: '/from-a/Mock2' });
    expect(b.store.responses.listByMock(copy.id)).toHaveLength(2);
    await syncAll();
    expect(mockOf(a, 'Mock 2')).toMatchObject({ description: 'B wrote this' });
    expect(mockOf(a, 'Mock 2 (cloud copy)')).toMatchObject({ description: 'A wrote this' });
    expect(localSnapshot(a.catalog, projectOf(a).id)).toEqual(localSnapshot(b.catalog, projectOf(b).id));
    expect(remoteSnapshot(server, remoteProjects(server)[0]!.project_id)).toEqual(
      localSnapshot(a.catalog, projectOf(a).id),
    );
  });

  it('an edit against a deletion is a conflict too; keep mine brings the mock back', async () => {
    a.catalog.mocks.delete(mockOf(a, 'Mock 3').id);
    const bm = mockOf(b, 'Mock 3');
    b.catalog.mocks.update(bm.id, { name: 'Mock 3', description: 'B still needs this' });
    await a.cloud.sync.run();
    await b.cloud.sync.run();
    const [c] = b.cloud.conflicts();
    expect(c).toMatchObject({
      kind: 'mock',
      theirs: null,
      mine: expect.objectContaining({ description: 'B still needs this' }),
    });
    expect(b.store.mocks.get(bm.id)).toBeDefined();
    b.cloud.resolve(c!.id, 'mine');
    await syncAll();
    expect(mockOf(a, 'Mock 3')).toMatchObject({ description: 'B still needs this' });
    expect(a.store.responses.listByMock(mockOf(a, 'Mock 3').id)).toHaveLength(2);
    expect(localSnapshot(a.catalog, projectOf(a).id)).toEqual(localSnapshot(b.catalog, projectOf(b).id));
  });

  it('a response conflict resolved with keep both keeps both bodies', async () => {
    const am = mockOf(a, 'Mock 0');
    const bm = mockOf(b, 'Mock 0');
    const ar = a.store.responses.listByMock(am.id)[0]!;
    const br = b.store.responses.listByMock(bm.id)[0]!;
    a.catalog.responses.update(am.id, ar.id, { body: 'body from A' });
    b.catalog.responses.update(bm.id, br.id, { body: 'body from B' });
    await a.cloud.sync.run();
    await b.cloud.sync.run();
    const [c] = b.cloud.conflicts();
    expect(c).toMatchObject({
      kind: 'response',
      fields: [{ field: 'body', mine: 'body from B', theirs: 'body from A' }],
    });
    b.cloud.resolve(c!.id, 'both');
    await syncAll();
    const bodies = a.store.responses.listByMock(mockOf(a, 'Mock 0').id).map((r) => r.body);
    expect(bodies).toEqual(expect.arrayContaining(['body from B', 'body from A']));
    expect(localSnapshot(a.catalog, projectOf(a).id)).toEqual(localSnapshot(b.catalog, projectOf(b).id));
  });

  it('a project conflict resolved with keep both makes a new local project from the cloud version', async () => {
    a.catalog.projects.update(projectOf(a).id, { description: 'project desc from A' });
    b.catalog.projects.update(projectOf(b).id, { description: 'project desc from B' });
    await a.cloud.sync.run();
    await b.cloud.sync.run();
    const [c] = b.cloud.conflicts();
    expect(c).toMatchObject({ kind: 'project', fields: [{ field: 'description' }] });
    const { createdLocalId } = b.cloud.resolve(c!.id, 'both');
    const copy = b.catalog.projects.get(createdLocalId!);
    expect(copy).toMatchObject({ name: 'Shared (cloud copy)', description: 'project desc from A' });
    expect(copy.mocks.length).toBe(b.store.mocks.listByProject(projectOf(b).id).length);
    await syncAll();
    expect(projectOf(a).description).toBe('project desc from B');
    expect(
      a.catalog.projects
        .list()
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Shared', 'Shared (cloud copy)']);
    expect(remoteProjects(server)).toHaveLength(2);
    expect(b.cloud.conflicts()).toHaveLength(0);
  });
});
