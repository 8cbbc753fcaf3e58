import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { HOSTILE, type CloudServerHandle } from '../../cloud-server/index';
import { newUser, openLocal, startServer } from '../cloud/harness';

/** `mockdeck market …` against the contract server, with an API token from the environment. */
describe('mockdeck market (CLI)', () => {
  let server: CloudServerHandle;
  let dir: string;
  let token = '';

  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['market', ...argv, '--data-dir', dir, '--url', server.url], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { MOCKDECK_CLOUD_TOKEN: token },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-cli-market-'));
    const local = openLocal(server.url);
    try {
      await local.cloud.session.register(newUser());
      token = (await local.cloud.createToken({ name: 'cli', scopes: ['read', 'write'] })).token;
    } finally {
      local.close();
    }
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches with --kind, --category and --json', async () => {
    const t = await run(['search', 'payment']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^payment-flow@1\.1\.0 /);
    const j = await run(['search', '--kind', 'templates', '--category', 'chaos', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ total: 1, items: [{ name: 'chaos-testing', kind: 'templates' }] });
  });

  it('shows an item and its reviews', async () => {
    const s = await run(['show', 'scenarios', 'payment-flow']);
    expect(JSON.parse(s.stdout).details.versions).toHaveLength(3);
    const r = await run(['reviews', 'scenarios', 'payment-flow', '--page', '2']);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 25, page: 2 });
    const missing = await run(['show', 'plugins', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The marketplace has no plugin "nope".');
  });

  it('installs a scenario and prints the created project; refuses a hostile one', async () => {
    const t = await run(['install', 'scenarios', 'payment-flow@1.0.0']);
    expect(t.code, t.stderr).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({
      installed: { name: 'payment-flow', version: '1.0.0' },
      mock_count: 3,
    });
    expect(t.stderr).toContain('downloading payment-flow: 100%');
    const bad = await run(['install', 'scenarios', HOSTILE.tarDotDot]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'Refused the package: the entry "../../mockdeck-escaped.txt" points outside the package',
    );
    const plugin = await run(['install', 'plugins', 'http-auth']);
    expect(JSON.parse(plugin.stdout)).toMatchObject({
      plugin: { name: 'http-auth' },
      path: path.join(dir, 'plugins', 'http-auth', 'plugin.wasm'),
    });
  });

  it('publishes the installed project as a scenario and finds it', async () => {
    const preview = await run([
      'publish',
      'payment-flow',
      '--kind',
      'scenario',
      '--version',
      '1.0.0',
      '--name',
      'my-payments',
      '--preview',
    ]);
    expect(JSON.parse(preview.stdout)).toMatchObject({ manifest: { name: 'my-payments', version: '1.0.0' }, mocks: 3 });
    const t = await run([
      'publish',
      'payment-flow',
      '--kind',
      'scenario',
      '--version',
      '1.0.0',
      '--name',
      'my-payments',
    ]);
    expect(t.code, t.stderr).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ name: 'my-payments', version: '1.0.0' });
    expect((await run(['search', 'my-payments'])).stdout).toContain('my-payments@1.0.0');
    const again = await run([
      'publish',
      'payment-flow',
      '--kind',
      'scenario',
      '--version',
      '1.0.0',
      '--name',
      'my-payments',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has scenario "my-payments" version 1.0.0');
  });

  it('says how to call it right', async () => {
    const t = await run(['install', 'widgets', 'x']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('KIND must be one of scenarios, templates, plugins');
  });
});
