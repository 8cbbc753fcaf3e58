import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import type { CloudServerHandle } from '../../cloud-server/index';
import { SEED_PASSWORD } from '../../cloud-server/team/seed';
import { openLocal, startServer } from './harness';

/** `mockdeck cloud team …` and `mockdeck cloud audit` with API tokens from the environment. */
describe('mockdeck cloud team / audit (CLI)', () => {
  let server: CloudServerHandle;
  let dir: string;
  const tokens = { owner: '', ownerNoAdmin: '', member: '' };

  const run = async (argv: string[], token: string) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli([...argv, '--data-dir', dir, '--url', server.url], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { MOCKDECK_CLOUD_TOKEN: token },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  /** An API token of that seeded user, made in Acme Corp. */
  async function tokenOf(email: string, scopes: string[]): Promise<string> {
    const local = openLocal(server.url);
    try {
      await local.cloud.session.login({ email, password: SEED_PASSWORD });
      await local.cloud.selectOrg(server.seeded.team!.orgId);
      return (await local.cloud.createToken({ name: 'cli', scopes })).token;
    } finally {
      local.close();
    }
  }

  beforeAll(async () => {
    server = await startServer({ seed: 'team' });
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-cli-team-'));
    tokens.owner = await tokenOf('owner@acme.test', ['read', 'write', 'admin']);
    tokens.ownerNoAdmin = await tokenOf('owner@acme.test', ['read', 'write']);
    tokens.member = await tokenOf('member@acme.test', ['read', 'write', 'admin']);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the members as a table, or as JSON', async () => {
    const t = await run(['cloud', 'team', 'list'], tokens.owner);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stderr).toContain('Acme Corp (acme-corp): 3 members; you are owner');
    const lines = t.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ROLE\s+EMAIL\s+NAME\s+MEMBERSHIP$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['owner', 'owner@acme.test', 'Olivia Owner (you)'],
      ['admin', 'admin@acme.test', 'Adam Admin'],
      ['member', 'member@acme.test', 'Mia Member'],
    ]);
    const j = await run(['cloud', 'team', 'list', '--json'], tokens.member);
    expect(JSON.parse(j.stdout)).toMatchObject({ myRole: 'org:member', canManage: false, total: 3 });
    const refused = await run(['cloud', 'team', 'invite', 'x@example.com'], tokens.member);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Only admins and the owner of "Acme Corp" can invite people; you are a member.');
  });

  it('invites with a role, changes a role by email, removes a member', async () => {
    const inv = await run(['cloud', 'team', 'invite', 'new@example.com', '--role', 'admin'], tokens.owner);
    expect(inv.code, inv.stderr).toBe(0);
    expect(JSON.parse(inv.stdout)).toMatchObject({ email: 'new@example.com', role: 'org:admin', status: 'pending' });
    expect(inv.stderr).toContain('invited new@example.com as admin (pending)');

    const role = await run(['cloud', 'team', 'role', 'member@acme.test', 'admin'], tokens.owner);
    expect(role.code, role.stderr).toBe(0);
    expect(JSON.parse(role.stdout)).toMatchObject({ email: 'member@acme.test', role: 'org:admin' });

    const audit = await run(['cloud', 'audit', '--event-type', 'member_role_changed', '--limit', '5'], tokens.owner);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/member_role_changed\s+Olivia Owner\s+.*to=org:admin/);
    const auditJson = await run(['cloud', 'audit', '--json', '--event-type', 'member_invited'], tokens.owner);
    const page = JSON.parse(auditJson.stdout) as { entries: Array<{ eventType: string }> };
    expect(page.entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(page.entries.map((e) => e.eventType))).toEqual(new Set(['member_invited']));

    const removed = await run(['cloud', 'team', 'remove', 'member@acme.test'], tokens.owner);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ removed: true, email: 'member@acme.test' });
    const list = await run(['cloud', 'team', 'list', '--json'], tokens.owner);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 2 });
  });

  it('explains refusals: a removed member, a token without the admin scope, a bad role, a bad limit', async () => {
    const other = await tokenOf('admin@acme.test', ['read', 'write', 'admin']);
    // Removed in the test above: their token no longer reaches the team.
    const removed = await run(['cloud', 'team', 'list'], tokens.member);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('You are not a member of this organization (any more)');

    const scope = await run(['cloud', 'team', 'invite', 'y@example.com'], tokens.ownerNoAdmin);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toContain('lacks the "admin" scope needed to invite people');

    const badRole = await run(['cloud', 'team', 'role', 'admin@acme.test', 'superuser'], other);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role must be member or admin');

    const badLimit = await run(['cloud', 'audit', '--limit', '0'], tokens.owner);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit must be a whole number from 1 to 500');

    const usage = await run(['cloud', 'team', 'promote'], tokens.owner);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('cloud team takes: list | invite EMAIL');
  });
});
