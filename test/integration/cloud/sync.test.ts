import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server/index';
import {
  localSnapshot,
  newUser,
  openLocal,
  remoteProjects,
  remoteSnapshot,
  seedProject,
  startServer,
  type Local,
} from './harness';

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('two-way sync of projects, mocks and responses', () => {
  let server: CloudServerHandle;
  let a: Local;
  let b: Local;
  const user = newUser();

  beforeAll(async () => {
    server = await startServer();
    a = openLocal(server.url);
    b = openLocal(server.url);
    await a.cloud.session.register(user);
    await b.cloud.session.login({ email: user.email, password: user.password });
  });
  afterAll(async () => {
    a.close();
    b.close();
    await server.close();
  });

  it('pushes a project with 50 mocks, then pulls it into a fresh data dir with equal content', async () => {
    const p = seedProject(a.catalog, 'Big API', 50);
    const progress: string[] = [];
    a.cloud.on('sync.progress', (e) => progress.push(e.phase));
    const pushed = await a.cloud.sync.run();
    expect(pushed.pushed).toEqual({ project: 1, mock: 50, response: 100 });
    expect(progress[0]).toBe('started');
    expect(progress.at(-1)).toBe('finished');
    expect(a.cloud.sync.status()).toMatchObject({
      pendingChanges: 0,
      conflicts: 0,
      lastError: null,
      lastSyncedAt: expect.any(String),
    });

    const remote = remoteProjects(server);
    expect(remote).toHaveLength(1);
    expect(remoteSnapshot(server, remote[0]!.project_id)).toEqual(localSnapshot(a.catalog, p.id));

    const pulled = await b.cloud.sync.run();
    expect(pulled.pulled).toEqual({ project: 1, mock: 50, response: 100 });
    const bp = b.catalog.projects.list();
    expect(bp).toHaveLength(1);
    expect(bp[0]!.slug).toBe(p.slug);
    expect(localSnapshot(b.catalog, bp[0]!.id)).toEqual(localSnapshot(a.catalog, p.id));

    // Nothing changed: a second sync on either side moves nothing.
    const again = await a.cloud.sync.run();
    expect(again.pushed).toEqual({ project: 0, mock: 0, response: 0 });
    expect(again.pulled).toEqual({ project: 0, mock: 0, response: 0 });
  });

  it('carries edits, additions and deletions both ways', async () => {
    const ap = a.catalog.projects.list()[0]!;
    const bp = b.catalog.projects.list()[0]!;
    const aMocks = a.store.mocks.listByProject(ap.id);
    // A: edit mock 0, delete mock 1, add a mock, delete a response of mock 2.
    a.catalog.mocks.update(aMocks[0]!.id, { name: 'Renamed on A', responseDelay: 25 });
    a.catalog.mocks.delete(aMocks[1]!.id);
    const added = a.catalog.mocks.create(ap.id, { name: 'New on A', path: '/new', method: 'PATCH' });
    a.catalog.responses.create(added.id, { name: 'Fresh', body: 'fresh' });
    const r2 = a.store.responses.listByMock(aMocks[2]!.id);
    a.catalog.responses.delete(aMocks[2]!.id, r2[1]!.id);
    expect(a.cloud.sync.status().pendingChanges).toBeGreaterThan(0);
    await a.cloud.sync.run();

    // B: pulls those, and edits the project and a response of mock 3.
    await b.cloud.sync.run();
    expect(localSnapshot(b.catalog, bp.id)).toEqual(localSnapshot(a.catalog, ap.id));
    b.catalog.projects.update(bp.id, { description: 'edited on B' });
    const bMock3 = b.store.mocks.listByProject(bp.id).find((m) => m.name === 'Mock 3')!;
    const bResp = b.store.responses.listByMock(bMock3.id)[0]!;
    b.catalog.responses.update(bMock3.id, bResp.id, { body: '{"edited":"B"}', headers: { 'x-from': 'b' } });
    await b.cloud.sync.run();

    await a.cloud.sync.run();
    expect(localSnapshot(a.catalog, ap.id)).toEqual(localSnapshot(b.catalog, bp.id));
    expect(remoteSnapshot(server, remoteProjects(server)[0]!.project_id)).toEqual(localSnapshot(a.catalog, ap.id));
    expect(a.store.mocks.listByProject(ap.id)).toHaveLength(50);
  });

  it('propagates a deleted project both ways', async () => {
    const extra = seedProject(b.catalog, 'Short lived', 2);
    await b.cloud.sync.run();
    await a.cloud.sync.run();
    expect(a.catalog.projects.list().map((p) => p.name)).toContain('Short lived');
    a.catalog.projects.delete(a.catalog.projects.list().find((p) => p.name === 'Short lived')!.id);
    const res = await a.cloud.sync.run();
    expect(res.deletedRemote.project).toBe(1);
    expect(remoteProjects(server).map((p) => p.name)).not.toContain('Short lived');
    const resB = await b.cloud.sync.run();
    expect(resB.deletedLocal.project).toBe(1);
    expect(b.store.projects.get(extra.id)).toBeUndefined();
  });

  it('syncs one project only when asked', async () => {
    const one = a.catalog.projects.create({ name: 'Only this' });
    a.catalog.projects.create({ name: 'Not this' });
    await a.cloud.sync.run({ projectSlug: one.slug });
    const names = remoteProjects(server).map((p) => p.name);
    expect(names).toContain('Only this');
    expect(names).not.toContain('Not this');
    await a.cloud.sync.run();
    expect(remoteProjects(server).map((p) => p.name)).toContain('Not this');
  });

  it('works offline: the sync fails with OFFLINE, nothing is lost, and the next sync sends it', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    let offline = false;
    // Offline = every request really goes to a port nobody listens on (connection refused).
    const c = openLocal(server.url, {
      fetch: (input, init) => fetch(offline ? new URL(new URL(String(input)).pathname, dead) : input, init),
    });
    await c.cloud.session.login({ email: user.email, password: user.password });
    await c.cloud.sync.run();
    const cp = c.catalog.projects.list().find((p) => p.name === 'Big API')!;
    const m = c.store.mocks.listByProject(cp.id)[5]!;
    c.catalog.mocks.update(m.id, { description: 'edited offline' });
    const fresh = c.catalog.mocks.create(cp.id, { name: 'Made offline', path: '/offline', method: 'GET' });
    offline = true;
    await expect(c.cloud.sync.run()).rejects.toMatchObject({ code: 'OFFLINE', hint: expect.stringMatching(/offline/) });
    expect(c.cloud.sync.status()).toMatchObject({
      lastError: expect.stringMatching(/Cannot reach/),
      pendingChanges: 2,
    });
    offline = false;
    await c.cloud.sync.run();
    expect(c.cloud.sync.status()).toMatchObject({ lastError: null, pendingChanges: 0 });
    await b.cloud.sync.run();
    const bp = b.catalog.projects.list().find((p) => p.name === 'Big API')!;
    expect(b.store.mocks.listByProject(bp.id).find((x) => x.name === m.name)?.description).toBe('edited offline');
    expect(b.store.mocks.listByProject(bp.id).filter((x) => x.name === fresh.name)).toHaveLength(1);
    c.close();
  });

  it('switching from the default organization to the same one by id links instead of duplicating', async () => {
    await a.cloud.sync.run();
    const before = remoteProjects(server).length;
    const orgs = await a.cloud.organizations();
    await a.cloud.selectOrg(orgs[0]!.id);
    const res = await a.cloud.sync.run();
    expect(res.pushed).toEqual({ project: 0, mock: 0, response: 0 });
    expect(res.pulled).toEqual({ project: 0, mock: 0, response: 0 });
    expect(remoteProjects(server)).toHaveLength(before);
    expect(a.cloud.sync.status().pendingChanges).toBe(0);
    await a.cloud.selectOrg(null);
  });

  it('a machine that already has the same project (same slug and content) links to it instead of copying it', async () => {
    const d = openLocal(server.url);
    await d.cloud.session.login({ email: user.email, password: user.password });
    const mine = d.catalog.projects.create({ name: 'Only this' });
    const before = remoteProjects(server).length;
    await d.cloud.sync.run();
    expect(remoteProjects(server)).toHaveLength(before);
    expect(
      d.catalog.projects
        .list()
        .filter((p) => p.name === 'Only this')
        .map((p) => p.id),
    ).toEqual([mine.id]);
    d.close();
  });
});
