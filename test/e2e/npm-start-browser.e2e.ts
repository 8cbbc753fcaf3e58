import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/harness';
import { addResponse, createMock, createProject, ensureServerRunning } from './support/ui';

/**
 * `npm start` on a machine without Electron's binary: the script itself (not the test
 * harness) serves the real UI from the core, and a user can work in it. The binary is
 * hidden with ELECTRON_OVERRIDE_DIST_PATH so this holds where Electron is installed too.
 */
test('npm start without Electron serves the working app in the browser and stops on Ctrl+C', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-npm-start-'));
  const noElectron = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-no-electron-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      ELECTRON_OVERRIDE_DIST_PATH: noElectron,
      MOCKDECK_DATA_DIR: dataDir,
      MOCKDECK_NO_BROWSER: '1',
    },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${stderr}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /^MockDeck UI: (http:\/\/127\.0\.0\.1:\d+\/\?\S+)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${stderr}`)));
    });

    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await expect(page.getByRole('navigation', { name: 'Projects' })).toBeVisible();
    const baseUrl = await createProject(page, 'Started API');
    await createMock(page, { name: 'Health', path: '/health' });
    await addResponse(page, { name: 'Up', body: '{"up": true}' });
    await ensureServerRunning(page);
    const res = await fetch(`${baseUrl}/health`);
    expect(await res.json()).toEqual({ up: true });
    expect(errors).toEqual([]);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(noElectron, { recursive: true, force: true });
  }
});
