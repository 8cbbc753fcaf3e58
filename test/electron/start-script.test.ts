import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBinary, ROOT } from './electron-binary';

const electron = electronBinary();
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Runs `node scripts/start.mjs --port 0` with `env` until it prints the browser URL; returns
 * what it said and how to stop it. The browser is never opened (MOCKDECK_NO_BROWSER=1).
 */
async function startScript(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      MOCKDECK_NO_BROWSER: '1',
      MOCKDECK_DATA_DIR: tempDir('mockdeck-start-'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const m = /^MockDeck UI: (http:\/\/127\.0\.0\.1:\d+\/\?\S+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`start.mjs exited (${code}) before printing a URL:\n${stderr}`)));
  });
  return {
    url,
    lines,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** A stand-in Electron binary: a shell script (what ELECTRON_OVERRIDE_DIST_PATH points at). */
function fakeElectron(script: string): string {
  const dir = tempDir('mockdeck-fake-electron-');
  const bin = path.join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
  writeFileSync(bin, `#!/bin/sh\n${script}\n`);
  chmodSync(bin, 0o755);
  return dir;
}

async function expectServesTheApp(url: string): Promise<void> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(await res.text()).toContain('<div id="root">');
}

describe('npm start where Electron cannot run: MockDeck in the browser', () => {
  it('without the binary: says why in one line, prints the URL, serves the app, exits 0 on Ctrl+C', async () => {
    // An empty dist dir hides the binary even where Electron is installed.
    const empty = tempDir('mockdeck-no-electron-');
    const s = await startScript({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(s.lines[0]).toBe(
      `[mockdeck] the Electron binary is not installed (expected at ${path.join(empty, path.basename(electron.path))}): running MockDeck in your browser instead.`,
    );
    await expectServesTheApp(s.url);
    expect(await s.stop()).toBe(0);
  }, 240_000);

  it.skipIf(process.platform === 'win32')(
    'with a binary that cannot run (missing libraries): names the error and falls back',
    async () => {
      const dist = fakeElectron('echo "electron: error while loading shared libraries: libnss3.so" >&2; exit 127');
      const s = await startScript({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':0' });
      expect(s.lines[0]).toContain(
        'the Electron binary cannot run here (electron: error while loading shared libraries: libnss3.so)',
      );
      await expectServesTheApp(s.url);
      expect(await s.stop()).toBe(0);
    },
    240_000,
  );

  it.skipIf(process.platform !== 'linux')(
    'on Linux without a display: falls back without launching Electron',
    async () => {
      const marker = path.join(tempDir('mockdeck-marker-'), 'launched');
      // Answers the probe, and would leave a marker if it were ever launched as the app.
      const dist = fakeElectron(`[ "$1" = "--version" ] && { echo v45.4.1; exit 0; }; touch ${marker}; exit 0`);
      const s = await startScript({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: '', WAYLAND_DISPLAY: '' });
      expect(s.lines[0]).toContain('there is no display (DISPLAY and WAYLAND_DISPLAY are unset)');
      await expectServesTheApp(s.url);
      expect(await s.stop()).toBe(0);
      expect(() => writeFileSync(marker, '', { flag: 'wx' })).not.toThrow();
    },
    240_000,
  );
});
