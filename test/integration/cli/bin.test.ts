import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { expectPortFreed, listeningUrl, removeTempDirs, tempDir } from './cli-harness';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin', 'mockdeck.mjs');
const TOKEN = 'bin-test-token-0123456789';

/** A `node` found on PATH without the repo's node_modules/.bin: what `mockdeck` meets on a user's shell. */
function systemNode(): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => !d.includes('node_modules'));
  for (const d of dirs) {
    const candidate = path.join(d, process.platform === 'win32' ? 'node.exe' : 'node');
    if (existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

beforeAll(() => {
  // The bin runs the bundle; build it from the current sources so the test sees this code.
  const r = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(removeTempDirs);

describe('bin/mockdeck.mjs', () => {
  it('runs the bundled CLI on the Node the native addon was built for, whatever node started it', () => {
    const node = systemNode();
    const dataDir = tempDir();
    const version = spawnSync(node, [bin, '--version'], { encoding: 'utf8' });
    expect(version.stdout).toBe(`${pkg.version}\n`);
    expect(version.status).toBe(0);
    // `projects` opens SQLite: it fails on a Node whose ABI does not match better-sqlite3.
    const list = spawnSync(node, [bin, 'projects', '--json', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('passes the exit code through', () => {
    const r = spawnSync(systemNode(), [bin, 'no-such-command'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "no-such-command"/);
  });

  it('relays SIGTERM to the CLI it started, which stops cleanly with exit code 0', async () => {
    const child = spawn(systemNode(), [bin, 'serve', '--port', '0', '--data-dir', tempDir()], {
      env: { ...process.env, MOCKDECK_API_TOKEN: TOKEN },
    });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve();
      });
      void exited.then((code) => reject(new Error(`exited ${code} before listening`)));
    });
    const { url } = JSON.parse(out) as { url: string };
    expect((await fetch(`${url}/projects`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('stops the CLI it started when the launcher is killed with -9, freeing the port', async () => {
    const child = spawn(systemNode(), [bin, 'serve', '--port', '0', '--data-dir', tempDir()], {
      env: { ...process.env, MOCKDECK_API_TOKEN: TOKEN },
    });
    const url = await listeningUrl(child);
    expect((await fetch(`${url}/projects`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    child.kill('SIGKILL');
    await expectPortFreed(url);
  });
});
