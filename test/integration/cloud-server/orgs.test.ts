import { afterEach, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server';
import type { Data, ErrorBody } from './helpers';
import { call, expectErrorShape, register, withServer } from './helpers';

interface Org {
  id: string;
  name: string;
  slug: string;
  plan: string;
  owner_id: string;
  created_at: string;
}

let server: CloudServerHandle;
afterEach(async () => server?.close());

describe('organizations and X-Org-Id scoping', () => {
  it('lists and gets the caller organizations; 403 for others, 404 for unknown ids', async () => {
    server = await withServer();
    const a = await register(server.url, 'alice');
    const b = await register(server.url, 'bob');
    const list = await call<Org[]>(server.url, 'GET', '/api/v1/organizations', { token: a.token });
    expect(list.body).toHaveLength(1);
    const orgA = list.body[0]!;
    expect(Object.keys(orgA).sort()).toEqual(['created_at', 'id', 'name', 'owner_id', 'plan', 'slug']);
    const get = await call<Org>(server.url, 'GET', `/api/v1/organizations/${orgA.id}`, { token: a.token });
    // MockBird §2 documents the same path: its fields come along (team.test.ts checks them).
    expect(get.body).toMatchObject(orgA);

    const forbidden = await call<ErrorBody>(server.url, 'GET', `/api/v1/organizations/${orgA.id}`, { token: b.token });
    expect(forbidden.status).toBe(403);
    expectErrorShape(forbidden.body, 403, 'PERMISSION_DENIED');
    const unknown = await call<ErrorBody>(
      server.url,
      'GET',
      '/api/v1/organizations/00000000-0000-0000-0000-000000000000',
      { token: a.token },
    );
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, 404, 'ORGANIZATION_NOT_FOUND');

    const members = await call<Array<Record<string, unknown>>>(
      server.url,
      'GET',
      `/api/v1/organizations/${orgA.id}/members`,
      { token: a.token },
    );
    expect(members.body).toEqual([
      { user_id: a.userId, username: 'alice', email: a.email, role: 'owner', joined_at: expect.any(String) },
    ]);
  });

  it('scopes projects to the current org and answers 403 for an X-Org-Id the caller is not a member of', async () => {
    server = await withServer();
    const a = await register(server.url, 'alice');
    const b = await register(server.url, 'bob');
    const orgA = server.admin.personalOrg(a.userId)!;
    const orgB = server.admin.personalOrg(b.userId)!;
    await call(server.url, 'POST', '/api/v1/projects', { token: a.token, body: { name: 'Alice API' } });
    await call(server.url, 'POST', '/api/v1/projects', { token: b.token, body: { name: 'Bob API' } });

    const mine = await call<Data<Array<{ name: string; org_id: string }>>>(server.url, 'GET', '/api/v1/projects', {
      token: a.token,
    });
    expect(mine.body.data.map((p) => p.name)).toEqual(['Alice API']);
    expect(mine.body.data[0]!.org_id).toBe(orgA.id);

    const denied = await call<ErrorBody>(server.url, 'GET', '/api/v1/projects', {
      token: a.token,
      headers: { 'x-org-id': orgB.id },
    });
    expect(denied.status).toBe(403);
    expectErrorShape(denied.body, 403, 'PERMISSION_DENIED');
    for (const path of ['/api/v1/tokens', '/api/v1/deployments']) {
      const r = await call(server.url, 'GET', path, { token: a.token, headers: { 'x-org-id': orgB.id } });
      expect(r.status).toBe(403);
    }

    // Once a member, X-Org-Id switches the org the API acts in.
    server.admin.addMember(orgB.id, a.userId, 'member');
    const theirs = await call<Data<Array<{ name: string }>>>(server.url, 'GET', '/api/v1/projects', {
      token: a.token,
      headers: { 'x-org-id': orgB.id },
    });
    expect(theirs.body.data.map((p) => p.name)).toEqual(['Bob API']);
    const orgs = await call<Org[]>(server.url, 'GET', '/api/v1/organizations', { token: a.token });
    expect(orgs.body.map((o) => o.id)).toEqual([orgA.id, orgB.id]);
  });

  it('binds API tokens to the org they were created in', async () => {
    server = await withServer();
    const a = await register(server.url, 'alice');
    const b = await register(server.url, 'bob');
    const orgB = server.admin.personalOrg(b.userId)!;
    server.admin.addMember(orgB.id, a.userId, 'admin');
    const t = await call<{ token: string }>(server.url, 'POST', '/api/v1/tokens', {
      token: a.token,
      headers: { 'x-org-id': orgB.id },
      body: { name: 'b', scopes: ['read', 'write'] },
    });
    await call(server.url, 'POST', '/api/v1/projects', { token: b.token, body: { name: 'Bob API' } });
    const viaToken = await call<Data<Array<{ name: string }>>>(server.url, 'GET', '/api/v1/projects', {
      token: t.body.token,
    });
    expect(viaToken.body.data.map((p) => p.name)).toEqual(['Bob API']);
    const orgA = server.admin.personalOrg(a.userId)!;
    const cross = await call(server.url, 'GET', '/api/v1/projects', {
      token: t.body.token,
      headers: { 'x-org-id': orgA.id },
    });
    expect(cross.status).toBe(403);
  });
});
