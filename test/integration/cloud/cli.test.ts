import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { KeychainSecretStore } from '../../../main/core/secrets/keychain-store';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, openLocal, remoteProjects, seedProject, startServer } from './harness';

/** `mockdeck cloud …` with MOCKDECK_CLOUD_TOKEN, the session-only path CI uses. */
describe('mockdeck cloud (CLI)', () => {
  let server: CloudServerHandle;
  let dir: string;
  let token: string;

  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env,
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-cli-'));
    const setup = openLocal(server.url, {}, dir);
    await setup.cloud.session.register(newUser());
    token = (await setup.cloud.createToken({ name: 'cli', scopes: ['read', 'write'] })).token;
    seedProject(setup.catalog, 'CLI Project', 3);
    seedProject(setup.catalog, 'Other', 1);
    await setup.cloud.session.logout();
    setup.close();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs one project, then all, with an API token from the environment', async () => {
    const env = { MOCKDECK_CLOUD_TOKEN: token };
    const one = await run(['cloud', 'sync', '--project', 'cli-project', '--data-dir', dir, '--url', server.url], env);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ pushed: { project: 1, mock: 3, response: 6 } });
    expect(remoteProjects(server).map((p) => p.name)).toEqual(['CLI Project']);
    const all = await run(['cloud', 'sync', '--data-dir', dir], env);
    expect(all.code, all.stderr).toBe(0);
    expect(
      remoteProjects(server)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['CLI Project', 'Other']);
    expect(all.stdout + all.stderr).not.toContain(token);
  });

  it('Ctrl+C during a sync cancels it cleanly, and the next sync completes it', async () => {
    const own = mkdtempSync(path.join(tmpdir(), 'mockdeck-cli-cancel-'));
    try {
      const setup = openLocal(server.url, {}, own);
      seedProject(setup.catalog, 'Interrupted', 8);
      setup.close();
      const env = { MOCKDECK_CLOUD_TOKEN: token };
      let stderr = '';
      const code = await runCli(['cloud', 'sync', '--project', 'interrupted', '--data-dir', own, '--url', server.url], {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
          // The user presses Ctrl+C as the project starts syncing (no listener but the CLI's own).
          if (t.startsWith('Syncing')) process.emit('SIGINT', 'SIGINT');
        },
        env,
        cwd: own,
      });
      expect(code).toBe(1);
      expect(stderr).toContain('cancelling…');
      expect(stderr).toContain('the sync was cancelled');
      expect(process.listenerCount('SIGINT')).toBe(0);
      const remote = remoteProjects(server).find((p) => p.name === 'Interrupted')!;
      const before = server.inspect.mocks(remote.project_id).length;
      expect(before).toBeLessThan(8);

      const again = await run(['cloud', 'sync', '--project', 'interrupted', '--data-dir', own], env);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).pushed.mock + before).toBe(8);
      expect(server.inspect.mocks(remote.project_id)).toHaveLength(8);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('deploys and prints {"url": …}', async () => {
    const r = await run(['cloud', 'deploy', 'cli-project', '--data-dir', dir], { MOCKDECK_CLOUD_TOKEN: token });
    expect(r.code, r.stderr).toBe(0);
    const { url } = JSON.parse(r.stdout) as { url: string };
    const res = await fetch(`${url.replace(/\/$/, '')}/items/0/a`);
    expect(res.status).toBe(200);
  });

  it('manages tokens: list (masked), create (shown once), rotate, delete', async () => {
    const env = { MOCKDECK_CLOUD_TOKEN: token };
    const list = await run(['cloud', 'tokens', 'list', '--data-dir', dir], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).not.toContain(token);
    const created = await run(['cloud', 'tokens', 'create', 'deploy-bot', '--data-dir', dir], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/only time/);
    const t = JSON.parse(created.stdout) as { id: string; token: string };
    expect(t.token).toMatch(/^mfx_/);
    const rotated = await run(['cloud', 'tokens', 'rotate', t.id, '--data-dir', dir], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const r = JSON.parse(rotated.stdout) as { id: string };
    const del = await run(['cloud', 'tokens', 'delete', r.id, '--data-dir', dir], env);
    expect(del.code, del.stderr).toBe(0);
    const bad = await run(['cloud', 'tokens', 'frobnicate', '--data-dir', dir], env);
    expect(bad.code).toBe(2);
  });

  it('explains a rejected token and usage mistakes plainly', async () => {
    const r = await run(['cloud', 'sync', '--data-dir', dir], { MOCKDECK_CLOUD_TOKEN: 'mfx_not_a_real_token' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected the API token in MOCKDECK_CLOUD_TOKEN.*Create a new token/);
    expect(r.stderr).not.toContain('mfx_not_a_real_token');
    expect((await run(['cloud', 'login', '--data-dir', dir])).code).toBe(2);
    expect((await run(['cloud', 'deploy', '--data-dir', dir], { MOCKDECK_CLOUD_TOKEN: token })).code).toBe(2);
  });

  it('without a keychain, login says so plainly and points at session-only / MOCKDECK_CLOUD_TOKEN', async () => {
    const keychainUp = await new KeychainSecretStore().probe().then(
      () => true,
      () => false,
    );
    if (keychainUp) {
      console.warn('keychain reachable here: the "no keychain" CLI message is covered by test/unit/secrets instead');
      return;
    }
    const r = await run(['cloud', 'login', '--url', server.url, '--email', 'a@example.com', '--data-dir', dir], {
      MOCKDECK_PASSWORD: 'whatever-pw',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot store credentials: .*keychain|Secret Service/);
    expect(r.stderr).toMatch(/MOCKDECK_CLOUD_TOKEN/);
    expect(r.stderr).not.toContain('whatever-pw');
  });
});
