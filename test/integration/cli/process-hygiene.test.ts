import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPortFreed, listeningUrl, removeTempDirs, tempDir } from './cli-harness';

const root = path.resolve(import.meta.dirname, '../../..');
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  removeTempDirs();
});

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, MOCKDECK_DATA_DIR: '', ...env } });
  children.push(child);
  return child;
}

/** Exit code and stderr of a `serve` that is expected to refuse to start. */
async function refused(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; err: string }> {
  const child = run(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'serve', '--port', '0', ...args], env);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  return { code, err };
}

describe('a CLI whose launcher is killed with -9', () => {
  it('`npm run cli` (tsx, no IPC channel): serve notices it was re-parented and frees the port', async () => {
    // What `npm run cli -- serve` runs: the tsx CLI, which spawns the real process.
    const tsx = run(process.execPath, [tsxCli, 'main/cli.ts', 'serve', '--port', '0', '--data-dir', tempDir()], {
      MOCKDECK_API_TOKEN: 'hygiene-token-0123456789',
      npm_lifecycle_event: 'cli',
    });
    const url = await listeningUrl(tsx);
    tsx.kill('SIGKILL');
    await expectPortFreed(url);
  });
});

describe('the management API token', () => {
  it('refuses a --token shorter than 16 characters, saying how long it must be', async () => {
    const r = await refused(['--data-dir', tempDir(), '--token', 'short-token'], { MOCKDECK_API_TOKEN: '' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/token from --token is 11 characters long; it needs at least 16/);
  });

  it('refuses a short $MOCKDECK_API_TOKEN and a short token file, naming each', async () => {
    const env = await refused(['--data-dir', tempDir()], { MOCKDECK_API_TOKEN: 'abc' });
    expect(env.code).toBe(1);
    expect(env.err).toMatch(/from \$MOCKDECK_API_TOKEN is 3 characters/);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'api-token'), 'tiny\n');
    const file = await refused(['--data-dir', dir], { MOCKDECK_API_TOKEN: '' });
    expect(file.code).toBe(1);
    expect(file.err).toContain(`from ${path.join(dir, 'api-token')} is 4 characters`);
  });

  it('accepts a long --token but warns that the process list shows it', async () => {
    const token = 'a-long-enough-ci-token-42';
    const child = run(
      process.execPath,
      ['--import', 'tsx', 'main/cli.ts', 'serve', '--port', '0', '--data-dir', tempDir(), '--token', token],
      { MOCKDECK_API_TOKEN: '' },
    );
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const url = await listeningUrl(child);
    expect((await fetch(`${url}/projects`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(err).toMatch(/--token is visible to other users .* process list; set \$MOCKDECK_API_TOKEN/);
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  });
});
