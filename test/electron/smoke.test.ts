import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ElectronApplication, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, ROOT } from './electron-binary';

const electron = electronBinary();
const SKIP_REASON = `SKIPPED: no Electron binary at ${electron.path} (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). On a machine with internet run \`node node_modules/electron/install.js\` to run these tests.`;
if (!electron.present) console.warn(`\n[mockdeck] Electron smoke tests ${SKIP_REASON}\n`);

describe.skipIf(!electron.present)(`Electron app smoke test${electron.present ? '' : ` — ${SKIP_REASON}`}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    expect(build.status).toBe(0);
    const version = (await import(pathToFileURL(path.join(ROOT, 'node_modules/electron/package.json')).href, {
      with: { type: 'json' },
    })) as {
      default: { version: string };
    };
    // The .mjs helper has no type declarations; it returns the path of the Electron-ABI binding.
    const sqlite = (await import(pathToFileURL(path.join(ROOT, 'scripts/native/electron-sqlite.mjs')).href)) as {
      ensureElectronSqlite(root: string, electronVersion: string): string | null;
    };
    const binding = sqlite.ensureElectronSqlite(ROOT, version.default.version);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-electron-'));
    const { _electron } = await import('@playwright/test');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    app = await _electron.launch({
      executablePath: electron.path,
      args: ['--no-sandbox', ROOT],
      cwd: ROOT,
      env: {
        ...env,
        MOCKDECK_DATA_DIR: dataDir,
        MOCKDECK_WEB_BRIDGE: '0',
        ...(binding ? { MOCKDECK_SQLITE_BINDING: binding } : {}),
      },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('locks the window down: isolated, sandboxed, no Node in the page', async () => {
    // getLastWebPreferences is internal (absent from the typings); when present it shows the
    // preferences the renderer really got, which is what matters.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown>;
      };
      return wc.getLastWebPreferences?.() ?? null;
    });
    if (prefs)
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
  });

  it('exposes only invoke and on, and serves calls over IPC', async () => {
    expect(await page.evaluate(() => Object.keys((window as unknown as { mockdeck: object }).mockdeck).sort())).toEqual(
      ['invoke', 'on'],
    );
    const info = await page.evaluate(() =>
      (window as unknown as { mockdeck: { invoke(n: string, i: unknown): Promise<unknown> } }).mockdeck.invoke(
        'app.info',
        undefined,
      ),
    );
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', dataDir } });
    const bad = await page.evaluate(() =>
      (window as unknown as { mockdeck: { invoke(n: string, i: unknown): Promise<unknown> } }).mockdeck.invoke(
        'shell.openExternal',
        'file:///',
      ),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  it('carries the strict CSP and refuses to navigate or open windows away from the app', async () => {
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const before = page.url();
    expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
    await page.evaluate(() => {
      location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });

  it('keeps its data in MOCKDECK_DATA_DIR', () => {
    expect(existsSync(path.join(dataDir, 'catalog.db'))).toBe(true);
  });
});
