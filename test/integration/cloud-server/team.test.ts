import { afterEach, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server';
import type { ErrorBody } from './helpers';
import { call, expectErrorShape, register, withServer } from './helpers';

interface Member {
  membershipId: string;
  role: string;
  joinedAt: string;
  user: { userId: string; firstName: string | null; lastName: string | null; email: string; imageUrl: string | null };
}
interface MemberPage {
  data: Member[];
  totalCount: number;
  limit: number;
  offset: number;
}
interface MockbirdOrg {
  orgId: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  membersCount: number;
  createdAt: string;
}

let server: CloudServerHandle;
afterEach(async () => server?.close());

/** The owner's new org with an admin and a member in it (joined through invitations). */
async function team() {
  server = await withServer({ plan: 'team' });
  const owner = await register(server.url, 'olivia');
  const admin = await register(server.url, 'adam');
  const member = await register(server.url, 'mia');
  const outsider = await register(server.url, 'otto');
  const created = await call<MockbirdOrg>(server.url, 'POST', '/api/v1/organizations', {
    token: owner.token,
    body: { name: 'Acme Corp' },
  });
  expect(created.status).toBe(201);
  const orgId = created.body.orgId;
  for (const [who, role] of [
    [admin, 'org:admin'],
    [member, 'org:member'],
  ] as const) {
    const inv = await call(server.url, 'POST', `/api/v1/organizations/${orgId}/invitations`, {
      token: owner.token,
      body: { emailAddress: who.email, role },
    });
    expect(inv.status).toBe(201);
    // The invitee's GET /auth/me accepts it.
    expect((await call(server.url, 'GET', '/api/v1/auth/me', { token: who.token })).status).toBe(200);
  }
  const page = await call<MemberPage>(server.url, 'GET', `/api/v1/organizations/${orgId}/members?limit=20&offset=0`, {
    token: owner.token,
  });
  const idOf = (email: string) => page.body.data.find((m) => m.user.email === email)!.membershipId;
  return { owner, admin, member, outsider, orgId, idOf };
}

describe('profile (MockBird §1)', () => {
  it('GET /auth/me answers the documented fields, personal context with null org fields', async () => {
    server = await withServer();
    const u = await register(server.url, 'john');
    const me = await call<Record<string, unknown>>(server.url, 'GET', '/api/v1/auth/me', { token: u.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      userId: u.userId,
      email: u.email,
      name: 'john',
      imageUrl: null,
      subscriptionTier: 'pro',
      createdAt: expect.any(String),
      orgId: null,
      orgRole: null,
      orgName: null,
      orgSlug: null,
    });
  });

  it('GET /auth/me names the org of X-Org-Id and the caller role in it', async () => {
    const t = await team();
    const me = await call<Record<string, unknown>>(server.url, 'GET', '/api/v1/auth/me', {
      token: t.admin.token,
      headers: { 'x-org-id': t.orgId },
    });
    expect(me.body).toMatchObject({ orgId: t.orgId, orgRole: 'org:admin', orgName: 'Acme Corp', orgSlug: 'acme-corp' });
  });

  it('PATCH /auth/profile updates the name; an empty body is a 400 naming the rule', async () => {
    server = await withServer();
    const u = await register(server.url, 'john');
    const r = await call(server.url, 'PATCH', '/api/v1/auth/profile', {
      token: u.token,
      body: { firstName: 'John', lastName: 'Doe' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ userId: u.userId, name: 'John Doe', firstName: 'John', lastName: 'Doe', imageUrl: null });
    const partial = await call(server.url, 'PATCH', '/api/v1/auth/profile', {
      token: u.token,
      body: { lastName: 'Roe' },
    });
    expect(partial.body).toMatchObject({ name: 'John Roe', firstName: 'John', lastName: 'Roe' });
    const me = await call<{ name: string }>(server.url, 'GET', '/api/v1/auth/me', { token: u.token });
    expect(me.body.name).toBe('John Roe');

    const empty = await call<ErrorBody>(server.url, 'PATCH', '/api/v1/auth/profile', { token: u.token, body: {} });
    expect(empty.status).toBe(400);
    expectErrorShape(empty.body, 400, 'VALIDATION_FAILED');
    expect(empty.body.error).toMatch(/at least one of firstName or lastName/i);
    const unauth = await call<ErrorBody>(server.url, 'PATCH', '/api/v1/auth/profile', { body: { firstName: 'X' } });
    expect(unauth.status).toBe(401);
  });
});

describe('organizations (MockBird §2)', () => {
  it('creates an org (201, caller is owner), 400 without a name, 409 for a taken slug', async () => {
    server = await withServer();
    const u = await register(server.url, 'john');
    const r = await call<MockbirdOrg>(server.url, 'POST', '/api/v1/organizations', {
      token: u.token,
      body: { name: 'Acme Corp', slug: 'acme' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      orgId: expect.any(String),
      name: 'Acme Corp',
      slug: 'acme',
      imageUrl: null,
      membersCount: 1,
      createdAt: expect.any(String),
    });
    const auto = await call<MockbirdOrg>(server.url, 'POST', '/api/v1/organizations', {
      token: u.token,
      body: { name: 'Acme Corp' },
    });
    expect(auto.body.slug).toBe('acme-corp');

    const noName = await call<ErrorBody>(server.url, 'POST', '/api/v1/organizations', { token: u.token, body: {} });
    expect(noName.status).toBe(400);
    expectErrorShape(noName.body, 400, 'VALIDATION_FAILED');
    expect(noName.body.details.field).toBe('name');
    const taken = await call<ErrorBody>(server.url, 'POST', '/api/v1/organizations', {
      token: u.token,
      body: { name: 'Other', slug: 'acme' },
    });
    expect(taken.status).toBe(409);
    expectErrorShape(taken.body, 409, 'CONFLICT');
    expect(taken.body.details.field).toBe('slug');

    const get = await call<Record<string, unknown>>(server.url, 'GET', `/api/v1/organizations/${r.body.orgId}`, {
      token: u.token,
    });
    // Both documents describe this path: MockForge's fields and MockBird's, in one body.
    expect(get.body).toMatchObject({
      id: r.body.orgId,
      orgId: r.body.orgId,
      slug: 'acme',
      membersCount: 1,
      plan: 'pro',
    });
    const orgs = await call<Array<{ id: string }>>(server.url, 'GET', '/api/v1/organizations', { token: u.token });
    expect(orgs.body.map((o) => o.id)).toContain(r.body.orgId);
  });

  it('lists members by page with roles; limit over 100 is a 400', async () => {
    const t = await team();
    const first = await call<MemberPage>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/members?limit=2&offset=0`,
      {
        token: t.member.token,
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.totalCount).toBe(3);
    expect(first.body.limit).toBe(2);
    expect(first.body.data.map((m) => [m.user.email, m.role])).toEqual([
      [t.owner.email, 'org:owner'],
      [t.admin.email, 'org:admin'],
    ]);
    expect(first.body.data[0]!.membershipId).toMatch(/^mem_/);
    const second = await call<MemberPage>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/members?limit=2&offset=2`,
      {
        token: t.member.token,
      },
    );
    expect(second.body.data.map((m) => m.user.email)).toEqual([t.member.email]);
    const tooMany = await call<ErrorBody>(server.url, 'GET', `/api/v1/organizations/${t.orgId}/members?limit=101`, {
      token: t.member.token,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/limit must be at most 100/);
    // Without paging, the path keeps MockForge's array.
    const plain = await call<unknown[]>(server.url, 'GET', `/api/v1/organizations/${t.orgId}/members`, {
      token: t.member.token,
    });
    expect(Array.isArray(plain.body)).toBe(true);
  });

  it('role rules: members cannot invite, change roles or remove (403); outsiders are not members (403)', async () => {
    const t = await team();
    const asMember = { token: t.member.token };
    const inv = await call<ErrorBody>(server.url, 'POST', `/api/v1/organizations/${t.orgId}/invitations`, {
      ...asMember,
      body: { emailAddress: 'new@example.com' },
    });
    expect(inv.status).toBe(403);
    expectErrorShape(inv.body, 403, 'PERMISSION_DENIED');
    expect(inv.body.details.reason).toBe('insufficient_role');
    const role = await call<ErrorBody>(
      server.url,
      'PUT',
      `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.admin.email)}`,
      { ...asMember, body: { role: 'org:member' } },
    );
    expect(role.status).toBe(403);
    const remove = await call<ErrorBody>(
      server.url,
      'DELETE',
      `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.admin.email)}`,
      asMember,
    );
    expect(remove.status).toBe(403);
    const audit = await call<ErrorBody>(server.url, 'GET', `/api/v1/organizations/${t.orgId}/audit-logs`, asMember);
    expect(audit.status).toBe(403);

    for (const [method, path, body] of [
      ['GET', `/api/v1/organizations/${t.orgId}`, undefined],
      ['GET', `/api/v1/organizations/${t.orgId}/members?limit=20`, undefined],
      ['POST', `/api/v1/organizations/${t.orgId}/invitations`, { emailAddress: 'x@example.com' }],
      ['GET', `/api/v1/organizations/${t.orgId}/audit-logs`, undefined],
    ] as const) {
      const r = await call<ErrorBody>(server.url, method, path, { token: t.outsider.token, ...(body ? { body } : {}) });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.details.reason).toBe('not_member');
    }
    const unknown = await call<ErrorBody>(
      server.url,
      'POST',
      '/api/v1/organizations/00000000-0000-0000-0000-000000000000/invitations',
      { token: t.owner.token, body: { emailAddress: 'x@example.com' } },
    );
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, 404, 'ORGANIZATION_NOT_FOUND');
  });

  it('an admin invites (201, default org:member), 400 without an email, 409 for a member', async () => {
    const t = await team();
    const r = await call(server.url, 'POST', `/api/v1/organizations/${t.orgId}/invitations`, {
      token: t.admin.token,
      body: { emailAddress: 'new@example.com' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^inv_/),
      emailAddress: 'new@example.com',
      role: 'org:member',
      status: 'pending',
      createdAt: expect.any(String),
    });
    const missing = await call<ErrorBody>(server.url, 'POST', `/api/v1/organizations/${t.orgId}/invitations`, {
      token: t.admin.token,
      body: { role: 'org:admin' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.field).toBe('emailAddress');
    const badRole = await call<ErrorBody>(server.url, 'POST', `/api/v1/organizations/${t.orgId}/invitations`, {
      token: t.admin.token,
      body: { emailAddress: 'z@example.com', role: 'org:owner' },
    });
    expect(badRole.status).toBe(400);
    const dup = await call<ErrorBody>(server.url, 'POST', `/api/v1/organizations/${t.orgId}/invitations`, {
      token: t.admin.token,
      body: { emailAddress: t.member.email },
    });
    expect(dup.status).toBe(409);
    expectErrorShape(dup.body, 409, 'CONFLICT');
  });

  it('changes a role (200 with the member), 400 without a role, 404 for an unknown membership, owner untouchable', async () => {
    const t = await team();
    const path = `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.member.email)}`;
    const r = await call(server.url, 'PUT', path, { token: t.admin.token, body: { role: 'org:admin' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      membershipId: t.idOf(t.member.email),
      role: 'org:admin',
      user: { userId: t.member.userId, firstName: null, lastName: null, email: t.member.email, imageUrl: null },
    });
    const noRole = await call<ErrorBody>(server.url, 'PUT', path, { token: t.admin.token, body: {} });
    expect(noRole.status).toBe(400);
    expect(noRole.body.details.field).toBe('role');
    const missing = await call<ErrorBody>(server.url, 'PUT', `/api/v1/organizations/${t.orgId}/members/mem_nope`, {
      token: t.admin.token,
      body: { role: 'org:member' },
    });
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body, 404, 'MEMBERSHIP_NOT_FOUND');
    const owner = await call<ErrorBody>(
      server.url,
      'PUT',
      `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.owner.email)}`,
      { token: t.admin.token, body: { role: 'org:member' } },
    );
    expect(owner.status).toBe(403);
    expect(owner.body.details.reason).toBe('owner');
  });

  it('removes a member (200 with the documented message); a second removal is 404; the removed lose access', async () => {
    const t = await team();
    const path = `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.member.email)}`;
    const r = await call(server.url, 'DELETE', path, { token: t.owner.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ message: 'Member removed successfully' });
    expect((await call(server.url, 'DELETE', path, { token: t.owner.token })).status).toBe(404);
    const after = await call(server.url, 'GET', `/api/v1/organizations/${t.orgId}`, { token: t.member.token });
    expect(after.status).toBe(403);
    const owner = await call<ErrorBody>(
      server.url,
      'DELETE',
      `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.owner.email)}`,
      { token: t.admin.token },
    );
    expect(owner.status).toBe(403);
    expectErrorShape(owner.body, 403, 'PERMISSION_DENIED');
    expect(owner.body.details.reason).toBe('owner');
  });

  it('an invitation past the plan’s collaborators (members and pending invitations) is a 403 plan limit', async () => {
    server = await withServer(); // pro: 5 collaborators
    const owner = await register(server.url, 'olga');
    const org = await call<MockbirdOrg>(server.url, 'POST', '/api/v1/organizations', {
      token: owner.token,
      body: { name: 'Small Co' },
    });
    const invite = (n: number) =>
      call<ErrorBody>(server.url, 'POST', `/api/v1/organizations/${org.body.orgId}/invitations`, {
        token: owner.token,
        body: { emailAddress: `guest${n}@example.com` },
      });
    for (const n of [1, 2, 3, 4]) expect((await invite(n)).status).toBe(201);
    const over = await invite(5);
    expect(over.status).toBe(403);
    expectErrorShape(over.body, 403, 'RESOURCE_LIMIT_EXCEEDED');
    expect(over.body.details).toMatchObject({ limit: 'max_collaborators', max: 5, current: 5, plan: 'pro' });
  });
});

describe('audit log (MockForge)', () => {
  it('lists events newest first with limit/offset and event_type/user_id filters; admins only', async () => {
    const t = await team();
    await call(server.url, 'PUT', `/api/v1/organizations/${t.orgId}/members/${t.idOf(t.member.email)}`, {
      token: t.admin.token,
      body: { role: 'org:admin' },
    });
    const all = await call<Array<Record<string, unknown>>>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/audit-logs`,
      { token: t.owner.token, headers: { 'user-agent': 'vitest' } },
    );
    expect(all.status).toBe(200);
    expect(all.body.map((e) => e.event_type)).toEqual([
      'member_role_changed',
      'member_joined',
      'member_invited',
      'member_joined',
      'member_invited',
      'organization_created',
    ]);
    expect(Object.keys(all.body[0]!).sort()).toEqual(
      [
        'created_at',
        'description',
        'event_type',
        'id',
        'ip_address',
        'metadata',
        'org_id',
        'user_agent',
        'user_id',
      ].sort(),
    );
    expect(all.body[0]!.metadata).toMatchObject({ email: t.member.email, from: 'org:member', to: 'org:admin' });
    expect(all.body[0]!.user_id).toBe(t.admin.userId);

    const invites = await call<Array<{ event_type: string }>>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/audit-logs?event_type=member_invited`,
      { token: t.admin.token },
    );
    expect(invites.body.map((e) => e.event_type)).toEqual(['member_invited', 'member_invited']);
    const byAdmin = await call<Array<{ user_id: string }>>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/audit-logs?user_id=${t.admin.userId}`,
      { token: t.owner.token },
    );
    expect(byAdmin.body.map((e) => e.user_id)).toEqual([t.admin.userId, t.admin.userId]);
    const paged = await call<Array<{ event_type: string }>>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/audit-logs?limit=2&offset=4`,
      { token: t.owner.token },
    );
    expect(paged.body.map((e) => e.event_type)).toEqual(['member_invited', 'organization_created']);
    const bad = await call<ErrorBody>(server.url, 'GET', `/api/v1/organizations/${t.orgId}/audit-logs?limit=0`, {
      token: t.owner.token,
    });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
    const anon = await call<ErrorBody>(server.url, 'GET', `/api/v1/organizations/${t.orgId}/audit-logs`);
    expect(anon.status).toBe(401);
  });

  it('answers the documented default of 50 events without a limit', async () => {
    const t = await team();
    for (let i = 0; i < 60; i++)
      server.admin.recordAudit({
        orgId: t.orgId,
        userId: t.owner.userId,
        eventType: 'project_updated',
        description: `#${i}`,
      });
    const r = await call<Array<{ description: string }>>(
      server.url,
      'GET',
      `/api/v1/organizations/${t.orgId}/audit-logs`,
      {
        token: t.owner.token,
      },
    );
    expect(r.body).toHaveLength(50);
    expect(r.body[0]!.description).toBe('#59');
  });

  it('seed: team creates Acme Corp with three roles and a week of audit events', async () => {
    server = await withServer({ seed: 'team' });
    const seeded = server.seeded.team!;
    const login = await call<{ token: string }>(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: 'owner@acme.test', password: 'acme-password-1' },
    });
    const logs = await call<Array<{ event_type: string; metadata: Record<string, unknown> }>>(
      server.url,
      'GET',
      `/api/v1/organizations/${seeded.orgId}/audit-logs?event_type=billing_checkout`,
      { token: login.body.token },
    );
    expect(logs.body).toHaveLength(1);
    expect(logs.body[0]!.metadata).toEqual({ plan: 'team', session_id: 'cs_seed_1' });
  });
});
