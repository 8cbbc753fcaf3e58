import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import type { CloudServerHandle } from '../../cloud-server/index';
import type { InspectedUser } from '../../cloud-server/inspect';
import { newUser, openLocal, startServer } from './harness';

/** `mockdeck cloud usage | export-data | status` with MOCKDECK_CLOUD_TOKEN, as CI runs them. */
describe('mockdeck cloud usage, export-data, status (CLI)', () => {
  let server: CloudServerHandle;
  let dir: string;
  let token: string;
  let env: NodeJS.ProcessEnv;

  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli([...argv, '--data-dir', dir, '--url', server.url], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env,
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-cli-account-'));
    const setup = openLocal(server.url, {}, dir);
    const user = newUser();
    await setup.cloud.session.register(user);
    token = (await setup.cloud.createToken({ name: 'cli', scopes: ['read', 'write'] })).token;
    await setup.cloud.session.logout();
    setup.close();
    env = { MOCKDECK_CLOUD_TOKEN: token };
    const me = (server.inspect.users() as InspectedUser[]).find((u) => u.email === user.email)!;
    server.account.seedUsage(me.personal_org_id!, [{ months_ago: 1, requests: 4321 }]);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints usage history as a table, or JSON with today and the limits', async () => {
    const t = await run(['cloud', 'usage', '--months', '3']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/plan pro \(active\)/);
    expect(t.stdout).toMatch(/month\s+requests\s+storage\s+AI tokens/);
    expect(t.stdout).toContain('4,321');
    expect(t.stdout.trim().split('\n')).toHaveLength(2 + 1 + 1 + 3);

    const j = await run(['cloud', 'usage', '--json']);
    const body = JSON.parse(j.stdout) as { history: unknown[]; today: { requestsLimit: number }; limits: object };
    expect(body.history).toHaveLength(6);
    expect(body.today.requestsLimit).toBe(250_000);

    const bad = await run(['cloud', 'usage', '--months', '99']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--months must be a whole number from 1 to 36');
  });

  it('writes the data export to --out, readable by the user only, without the token', async () => {
    const file = path.join(dir, 'my-data.json');
    const r = await run(['cloud', 'export-data', '--out', 'my-data.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file });
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toHaveProperty('user_data.email');
    expect(text).not.toContain(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const missing = await run(['cloud', 'export-data']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs --out FILE');
  });

  it('reports the service status and exits 1 while a service is degraded', async () => {
    const ok = await run(['cloud', 'status']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OPERATIONAL: /);
    server.account.setService('Object Storage', 'partial_outage', 'Uploads are slow');
    try {
      const bad = await run(['cloud', 'status', '--json']);
      expect(bad.code).toBe(1);
      const s = JSON.parse(bad.stdout) as { verdict: string; status: { services: { name: string; status: string }[] } };
      expect(s.verdict).toBe('degraded');
      expect(s.status.services.find((x) => x.name === 'Object Storage')?.status).toBe('partial_outage');
      const text = await run(['cloud', 'status']);
      expect(text.stdout).toContain('Object Storage: partial_outage — Uploads are slow');
    } finally {
      server.account.resetServices();
    }
  });
});
