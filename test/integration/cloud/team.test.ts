import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { openApp, type App } from '../../../main/core/app';
import type { CloudSetup } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import type { CloudServerHandle } from '../../cloud-server/index';
import { SEED_PASSWORD } from '../../cloud-server/team/seed';
import { startServer } from './harness';

/** One signed-in MockDeck (its own app and secrets) making contract calls like the UI does. */
interface Client {
  app: App;
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  fail<K extends CallName>(name: K, input: CallInput<K>): Promise<AppErrorShape>;
}

async function client(url: string, email: string, cloud: Partial<CloudSetup> = {}): Promise<Client> {
  const app = await openApp({
    dataDir: null,
    version: 'test',
    cloud: {
      secrets: { store: new MemorySecretStore(), mode: { kind: 'memory', reason: 'test' } },
      retry: { baseDelayMs: 10, maxDelayMs: 20 },
      ...cloud,
    },
  });
  const call = async <K extends CallName>(name: K, input: CallInput<K>) => {
    const r = await app.router.call(name, input, { transport: 'direct' });
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}`), { shape: r.error });
    return r.value;
  };
  const fail = async <K extends CallName>(name: K, input: CallInput<K>) => {
    const r = await app.router.call(name, input, { transport: 'direct' });
    if (r.ok) throw new Error(`${name} was expected to fail, got ${JSON.stringify(r.value)}`);
    return r.error;
  };
  await call('cloud.setBaseUrl', { url });
  await call('auth.login', { email, password: SEED_PASSWORD });
  return { app, call, fail };
}

describe('team, roles, profile and audit log through the contract', () => {
  let server: CloudServerHandle;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let orgId: string;

  beforeAll(async () => {
    server = await startServer({ seed: 'team' });
    orgId = server.seeded.team!.orgId;
    [owner, admin, member] = await Promise.all([
      client(server.url, 'owner@acme.test'),
      client(server.url, 'admin@acme.test'),
      client(server.url, 'member@acme.test'),
    ]);
    for (const c of [owner, admin, member]) await c.call('orgs.select', { id: orgId });
  });
  afterAll(async () => {
    await Promise.all([owner, admin, member].map((c) => c?.app.close()));
    await server?.close();
  });

  it('shows the profile with the role in the selected org, and edits the display name', async () => {
    const p = await admin.call('profile.get', {});
    expect(p).toMatchObject({
      email: 'admin@acme.test',
      name: 'Adam Admin',
      plan: 'team',
      org: { id: orgId, name: 'Acme Corp', slug: 'acme-corp', role: 'org:admin' },
    });
    expect(await admin.call('profile.update', { firstName: 'Adrian' })).toMatchObject({
      name: 'Adrian Admin',
      firstName: 'Adrian',
      lastName: 'Admin',
    });
    expect((await admin.call('profile.get', {})).name).toBe('Adrian Admin');
  });

  it('checks "at least one of firstName or lastName" before sending anything', async () => {
    // Were the request sent, this fault would turn it into a CLOUD_ERROR.
    server.faults.set({ fail500: 10, pathPattern: '^/api/v1/auth/profile' });
    try {
      const empty = await admin.fail('profile.update', {});
      expect(empty).toMatchObject({ code: 'VALIDATION_ERROR', field: 'firstName' });
      expect(empty.message).toMatch(/first name, a last name or both/);
      // Blank names are trimmed away and refused the same way by the service.
      const blank = await admin.app
        .cloud()
        .then((c) => c.team.updateProfile({ firstName: '  ' }).catch((e: unknown) => e));
      expect(blank).toMatchObject({ code: 'VALIDATION_ERROR' });
    } finally {
      server.faults.reset();
    }
  });

  it('lists members a page at a time with roles; members see why they cannot manage', async () => {
    const page = await owner.call('team.get', { limit: 2, offset: 0 });
    expect(page.org).toMatchObject({ id: orgId, name: 'Acme Corp', personal: false });
    expect(page.total).toBe(3);
    expect(page.members.map((m) => [m.email, m.role, m.isYou])).toEqual([
      ['owner@acme.test', 'org:owner', true],
      ['admin@acme.test', 'org:admin', false],
    ]);
    expect(page).toMatchObject({ myRole: 'org:owner', canManage: true, manageReason: null });
    const next = await owner.call('team.get', { limit: 2, offset: 2 });
    expect(next.members.map((m) => m.name)).toEqual(['Mia Member']);

    const asMember = await member.call('team.get', {});
    expect(asMember.canManage).toBe(false);
    expect(asMember.manageReason).toMatch(/Only admins and the owner of Acme Corp .* you are a member/);
  });

  it('invites by email with a role; explains 409 (already a member) and 403 (not an admin)', async () => {
    const inv = await admin.call('team.invite', { email: 'newbie@example.com', role: 'admin' });
    expect(inv).toMatchObject({ email: 'newbie@example.com', role: 'org:admin', status: 'pending' });

    const dup = await admin.fail('team.invite', { email: 'member@acme.test' });
    expect(dup).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(dup.message).toBe('"member@acme.test" is already a member of "Acme Corp".');
    expect(dup.hint).toMatch(/Change their role/);

    const denied = await member.fail('team.invite', { email: 'x@example.com' });
    // A refusal, not a cloud failure: no "is the cloud down?" on screen, a 403 over REST.
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.message).toBe('Only admins and the owner of "Acme Corp" can invite people; you are a member.');
    expect(denied.hint).toMatch(/Ask an admin or the owner/);

    const bad = await admin.fail('team.invite', { email: 'not-an-email' });
    expect(bad).toMatchObject({ code: 'VALIDATION_ERROR', field: 'email' });
  });

  it('changes a role by email or membership id; the owner keeps theirs; a gone member is explained', async () => {
    const changed = await owner.call('team.setRole', { member: 'member@acme.test', role: 'org:admin' });
    expect(changed).toMatchObject({ email: 'member@acme.test', role: 'org:admin', name: 'Mia Member' });
    const back = await owner.call('team.setRole', { member: changed.membershipId, role: 'member' });
    expect(back.role).toBe('org:member');

    const ownerRole = await admin.fail('team.setRole', { member: 'owner@acme.test', role: 'org:member' });
    expect(ownerRole.message).toMatch(/owner of "Acme Corp" keeps the owner role/);
    const gone = await owner.fail('team.setRole', { member: 'mem_gone', role: 'org:admin' });
    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
    expect(gone.message).toMatch(/no longer a member of "Acme Corp"/);
    const stranger = await owner.fail('team.setRole', { member: 'nobody@example.com', role: 'org:admin' });
    expect(stranger).toMatchObject({ code: 'NOT_FOUND', field: 'member' });
    const denied = await member.fail('team.setRole', { member: 'admin@acme.test', role: 'org:member' });
    expect(denied.message).toMatch(/Only admins and the owner of "Acme Corp" can change roles/);
  });

  it('creates an organization and switches to it; a taken slug is explained', async () => {
    const org = await member.call('team.createOrg', { name: 'Mia Labs', slug: 'mia-labs' });
    expect(org).toMatchObject({ name: 'Mia Labs', slug: 'mia-labs', membersCount: 1, selected: true });
    expect((await member.call('cloud.status', {})).orgId).toBe(org.id);
    const mine = await member.call('team.get', {});
    expect(mine).toMatchObject({ org: { name: 'Mia Labs' }, myRole: 'org:owner', canManage: true, total: 1 });
    const taken = await owner.fail('team.createOrg', { name: 'Other', slug: 'mia-labs', select: false });
    expect(taken).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    expect(taken.message).toBe('The organization slug "mia-labs" is already taken.');
    await member.call('orgs.select', { id: orgId });
  });

  it('reads the audit log newest first with filters, metadata readable and users named', async () => {
    const page = await owner.call('audit.list', { limit: 50 });
    const times = page.entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const checkout = page.entries.find((e) => e.eventType === 'billing_checkout')!;
    expect(checkout.metadata).toEqual([
      { key: 'plan', value: 'team' },
      { key: 'session_id', value: 'cs_seed_1' },
    ]);
    expect(checkout.userName).toBe('Olivia Owner');
    const token = page.entries.find((e) => e.eventType === 'token_created')!;
    expect(token.metadata).toContainEqual({ key: 'scopes', value: 'read, write' });

    const roles = await owner.call('audit.list', { eventType: 'member_role_changed' });
    expect(roles.entries.length).toBeGreaterThanOrEqual(2);
    expect(roles.entries.every((e) => e.eventType === 'member_role_changed')).toBe(true);
    expect(roles.entries[0]!.metadata).toContainEqual({ key: 'to', value: 'org:member' });

    const adminId = server.seeded.team!.users.admin.userId;
    const byAdmin = await owner.call('audit.list', { userId: adminId, limit: 2 });
    expect(byAdmin.entries.every((e) => e.userId === adminId)).toBe(true);
    expect(byAdmin).toMatchObject({ limit: 2, hasMore: true });
    const further = await owner.call('audit.list', { userId: adminId, limit: 2, offset: 2 });
    expect(further.entries[0]?.id).not.toBe(byAdmin.entries[0]?.id);

    const denied = await member.fail('audit.list', {});
    expect(denied.message).toBe('Only admins and the owner of "Acme Corp" can read the audit log; you are a member.');
  });

  it('removes a member by email; they then learn they are no longer a member', async () => {
    await admin.call('team.invite', { email: 'temp@example.com' });
    expect(await owner.call('team.remove', { member: 'member@acme.test' })).toEqual({
      removed: true,
      email: 'member@acme.test',
    });
    const after = await member.fail('team.get', {});
    expect(after.message).toMatch(/You are not a member of/);
    expect(after.hint).toMatch(/Pick another organization/);
  });
});

describe('tolerant reader: unused fields missing and extra fields present', () => {
  const UNUSED = ['imageUrl', 'createdAt', 'joinedAt', 'ip_address', 'user_agent', 'membersCount', 'limit', 'offset'];
  /** Rewrites every JSON object answer: drops the fields the screens do not use, adds one nobody knows. */
  const reshape = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reshape);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = { future_field: { nested: true } };
      for (const [k, x] of Object.entries(v)) if (!UNUSED.includes(k)) out[k] = k === 'metadata' ? x : reshape(x);
      return out;
    }
    return v;
  };
  const tolerantFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const text = await res.text();
    let body = text;
    try {
      body = JSON.stringify(reshape(JSON.parse(text)));
    } catch {
      /* not JSON */
    }
    return new Response(body, { status: res.status, headers: res.headers });
  };

  it('every team call still works', async () => {
    const server = await startServer({ seed: 'team' });
    const c = await client(server.url, 'owner@acme.test', { fetch: tolerantFetch });
    try {
      await c.call('orgs.select', { id: server.seeded.team!.orgId });
      expect((await c.call('profile.get', {})).org?.role).toBe('org:owner');
      expect((await c.call('profile.update', { lastName: 'O.' })).name).toBe('Olivia O.');
      const team = await c.call('team.get', {});
      expect(team.members).toHaveLength(3);
      expect(team.members[0]!.joinedAt).toBeNull();
      expect((await c.call('team.invite', { email: 'n@example.com' })).createdAt).toBeNull();
      expect((await c.call('team.setRole', { member: 'member@acme.test', role: 'admin' })).role).toBe('org:admin');
      expect((await c.call('team.remove', { member: 'member@acme.test' })).removed).toBe(true);
      const audit = await c.call('audit.list', {});
      expect(audit.entries[0]!.ipAddress).toBeNull();
      expect((await c.call('team.createOrg', { name: 'Tolerant Co', select: false })).slug).toBe('tolerant-co');
    } finally {
      await c.app.close();
      await server.close();
    }
  });
});
