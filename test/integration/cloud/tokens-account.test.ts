import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, openLocal, startServer, type Local } from './harness';

describe('API tokens, organizations and account', () => {
  let server: CloudServerHandle;
  let local: Local;
  beforeAll(async () => {
    server = await startServer();
    local = openLocal(server.url);
    await local.cloud.session.register(newUser());
  });
  afterAll(async () => {
    local.close();
    await server.close();
  });

  it('creates a token (full value once), lists it masked, rotates and deletes it', async () => {
    const created = await local.cloud.createToken({ name: 'CI', scopes: ['read', 'write'] });
    expect(created.token).toMatch(/^mfx_/);
    expect(created.masked).toMatch(/^mfx_.{0,8}…•••$/);
    expect(created.masked).not.toContain(created.token);
    // MockDeck does not keep the token it showed once.
    expect(local.secrets.size()).toBe(1);

    const list = await local.cloud.listTokens();
    expect(list.map((t) => t.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toContain(created.token);

    const rotated = await local.cloud.rotateToken(created.id, { newName: 'CI (rotated)', deleteOld: true });
    expect(rotated.token).toMatch(/^mfx_/);
    expect(rotated.token).not.toBe(created.token);
    expect(rotated.name).toBe('CI (rotated)');
    const after = await local.cloud.listTokens();
    expect(after.map((t) => t.id)).toEqual(expect.arrayContaining([rotated.id]));
    expect(after.map((t) => t.id)).not.toContain(created.id);

    // The rotated token works as a bearer for programmatic access.
    const ci = openLocal(server.url, { envToken: rotated.token });
    expect((await ci.cloud.status()).via).toBe('env-token');
    expect((await ci.cloud.listDeployments()).length).toBe(0);
    ci.close();

    await local.cloud.deleteToken(rotated.id);
    expect((await local.cloud.listTokens()).map((t) => t.id)).not.toContain(rotated.id);
    await expect(local.cloud.deleteToken(rotated.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists organizations, selects one and sends X-Org-Id', async () => {
    const orgs = await local.cloud.organizations();
    expect(orgs.length).toBeGreaterThan(0);
    const state = await local.cloud.selectOrg(orgs[0]!.id);
    expect(state.orgId).toBe(orgs[0]!.id);
    expect((await local.cloud.organizations()).find((o) => o.selected)?.id).toBe(orgs[0]!.id);
    await expect(local.cloud.selectOrg('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|CLOUD_ERROR/),
    });
    await local.cloud.selectOrg(null);
  });

  it('shows subscription, usage and limits', async () => {
    const account = await local.cloud.account();
    expect(account.plan).toBeTruthy();
    expect(account.limits.maxProjects).toBeGreaterThan(0);
    expect(account.usage.requestsLimit).toBeGreaterThan(0);
    expect(account.user?.username).toMatch(/^user/);
  });

  it('explains a plan limit: which limit, and to upgrade or delete', async () => {
    const freeServer = await startServer({ plan: 'free' });
    const l = openLocal(freeServer.url);
    await l.cloud.session.register(newUser());
    for (let i = 0; i < 4; i++) l.catalog.projects.create({ name: `P${i}` });
    const err = await l.cloud.sync.run().catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'CLOUD_ERROR',
      message: expect.stringMatching(/max_projects.*3 of 3|3 of 3/),
      hint: expect.stringMatching(/Upgrade.*delete/),
    });
    // The three that fit were pushed and a later sync (after deleting one locally) converges.
    expect(freeServer.inspect.projects()).toHaveLength(3);
    l.close();
    await freeServer.close();
  });
});

describe('health, rotation status and the MockBird project endpoints', () => {
  let server: CloudServerHandle;
  let local: Local;
  beforeAll(async () => {
    server = await startServer();
    local = openLocal(server.url);
    await local.cloud.session.register(newUser());
  });
  afterAll(async () => {
    local.close();
    await server.close();
  });

  it('checks health without signing in', async () => {
    const anon = openLocal(server.url);
    expect(await anon.cloud.api.health()).toMatchObject({ status: 'ok' });
    anon.close();
  });

  it('lists tokens needing rotation', async () => {
    const t = await local.cloud.createToken({ name: 'old one', scopes: ['read'] });
    server.admin.backdateToken(t.id, 400);
    const due = await local.cloud.api.rotationStatus();
    expect(due.find((x) => x.id === t.id)).toMatchObject({ needs_rotation: true });
  });

  it('batch-creates a project and reads it back through the parsed wire schemas', async () => {
    const api = local.cloud.projectsApi;
    const p = await api.batchCreate({
      name: 'Batch',
      endpoints: [
        {
          method: 'GET',
          route: '/users',
          description: 'Gets users',
          scenarios: [{ name: 'Success', status: 200, responseBody: [{ id: 1 }] }],
        },
      ],
    });
    expect(p).toMatchObject({ name: 'Batch', is_public: false });
    const full = await api.getProject(p.project_id);
    expect(full.mocks).toHaveLength(1);
    const responses = await api.listResponses(full.mocks[0]!.mock_id);
    expect(responses[0]).toMatchObject({
      name: 'Success',
      status_code: 200,
      is_default: true,
      headers: {},
      conditions: [],
    });
    // A sync pulls it like any other cloud project.
    const res = await local.cloud.sync.run();
    expect(res.pulled).toMatchObject({ project: 1, mock: 1, response: 1 });
  });
});
