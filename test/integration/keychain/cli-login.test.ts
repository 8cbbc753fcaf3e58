import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { KeychainSecretStore } from '../../../main/core/secrets/keychain-store';
import { AppError } from '../../../main/core/util/errors';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, openLocal, remoteProjects, seedProject, startServer } from '../cloud/harness';

/** `mockdeck cloud login/sync/logout` with the real keychain (skips loudly without one). */
const SERVICE = `MockDeck-cli-test-${process.pid}`;
const keychain = new KeychainSecretStore(SERVICE);
const reason = await keychain.probe().then(
  () => null,
  (e: unknown) => (e instanceof AppError ? `${e.message} ${e.hint ?? ''}` : String(e)),
);
const required = process.env.MOCKDECK_REQUIRE_KEYCHAIN === '1';
if (reason && !required) {
  console.warn(
    `\n*** SKIPPING the CLI keychain login test: ${reason}\n*** Set MOCKDECK_REQUIRE_KEYCHAIN=1 to make this a failure.\n`,
  );
}

describe.skipIf(reason !== null && !required)('mockdeck cloud login with the system keychain', () => {
  let server: CloudServerHandle;
  let dir: string;
  const env = { MOCKDECK_KEYCHAIN_SERVICE: SERVICE };
  const run = async (argv: string[], extra: NodeJS.ProcessEnv = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { ...env, ...extra },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    if (reason) throw new Error(`MOCKDECK_REQUIRE_KEYCHAIN=1 but no keychain is reachable: ${reason}`);
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-cli-kc-'));
  });
  afterAll(async () => {
    await keychain.clear().catch(() => undefined);
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in (password from MOCKDECK_PASSWORD), syncs with the stored JWT, logs out wiping the keychain', async () => {
    const user = newUser();
    const reg = openLocal(server.url);
    await reg.cloud.session.register(user);
    reg.close();
    const setup = openLocal(server.url, {}, dir);
    seedProject(setup.catalog, 'Keychain Project', 2);
    setup.close();

    const login = await run(['cloud', 'login', '--url', server.url, '--email', user.email, '--data-dir', dir], {
      MOCKDECK_PASSWORD: user.password,
    });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(/signed in/);
    expect(await keychain.get(`cloud-jwt@${server.url}`)).toMatch(/^eyJ/);

    const sync = await run(['cloud', 'sync', '--data-dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(remoteProjects(server).map((p) => p.name)).toContain('Keychain Project');

    const out = await run(['cloud', 'logout', '--data-dir', dir]);
    expect(out.code, out.stderr).toBe(0);
    expect(await keychain.get(`cloud-jwt@${server.url}`)).toBeNull();
    const after = await run(['cloud', 'sync', '--data-dir', dir]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/not signed in/);
  });
});
