import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebAppInfo } from '../../harness/web-app';
import { createWebBridgeClient, readBridgeParams } from '../../../renderer/src/platform/web-bridge-client';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-renderer-'));
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>MockDeck test page</title>');
writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

/** GET with the path sent verbatim (fetch would normalize the dot segments away). */
function rawStatus(base: string, rawPath: string): Promise<number | undefined> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

/** Starts the harness CLI the way a Playwright worker would, and reads its one JSON line. */
async function startHarness(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/harness/web-app.ts', '--renderer-dir', rendererDir, ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then((code) => reject(new Error(`harness exited (${code}): ${stderr}`)));
  });
  return { child, exited, info: JSON.parse(line) as WebAppInfo };
}

describe('test/harness/web-app.ts CLI', () => {
  it('prints a ready line, serves the page and the bridge, and cleans up on SIGTERM', async () => {
    const { child, exited, info } = await startHarness([]);
    expect(Object.keys(info).sort()).toEqual(['appUrl', 'bridgeUrl', 'dataDir', 'serverUrl', 'token']);
    const page = new URL(info.appUrl);
    expect(readBridgeParams(page.search)).toEqual({ url: info.bridgeUrl, token: info.token });
    const pageRes = await fetch(info.appUrl);
    expect(await pageRes.text()).toContain('MockDeck test page');
    expect(pageRes.headers.get('content-security-policy')).toContain(`connect-src 'self' ${info.bridgeUrl}`);
    expect(await (await fetch(new URL('app.js', info.appUrl))).text()).toContain('console.log');
    expect(await (await fetch(new URL('projects/123', info.appUrl))).text()).toContain('MockDeck test page');
    expect(await rawStatus(info.appUrl, '/..%2f..%2f..%2fetc%2fpasswd')).toBe(404);
    expect((await fetch(new URL('missing.js', info.appUrl))).status).toBe(404);

    const api = createWebBridgeClient({ url: info.bridgeUrl, token: info.token });
    try {
      expect(await api.invoke('app.info', undefined)).toMatchObject({ transport: 'web-bridge', dataDir: info.dataDir });
      const p = await api.invoke('projects.create', { name: 'Harness' });
      const mock = await api.invoke('mocks.create', {
        projectId: p.id,
        mock: { name: 'Ping', path: '/ping', method: 'GET' },
      });
      await api.invoke('responses.create', { mockId: mock.id, response: { body: 'pong', isDefault: true } });
      const res = await fetch(`${info.serverUrl}/m/harness/ping`);
      expect(await res.text()).toBe('pong');
    } finally {
      api.close();
    }
    expect(existsSync(info.dataDir)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(info.dataDir)).toBe(false); // a temp data dir goes with the harness
  });

  it('keeps a given data dir, and its projects, across runs', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-kept-'));
    try {
      const first = await startHarness(['--data-dir', dataDir]);
      expect(first.info.dataDir).toBe(dataDir);
      const api = createWebBridgeClient({ url: first.info.bridgeUrl, token: first.info.token });
      await api.invoke('projects.create', { name: 'Kept' });
      api.close();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = await startHarness(['--data-dir', dataDir]);
      const api2 = createWebBridgeClient({ url: second.info.bridgeUrl, token: second.info.token });
      expect((await api2.invoke('projects.list', undefined)).map((p) => p.name)).toEqual(['Kept']);
      expect(second.info.token).not.toBe(first.info.token);
      api2.close();
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(existsSync(dataDir)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails loudly without a renderer build', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-empty-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/web-app.ts', '--renderer-dir', empty], {
        cwd: root,
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('npm run build:renderer');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
