import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, ROOT } from './electron-binary';

const electron = electronBinary();

describe('npm start without the Electron binary', () => {
  it.skipIf(electron.present)('exits 1 with a loud message saying how to install it', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the Electron binary is not installed');
    expect(r.stderr).toContain(electron.path);
    expect(r.stderr).toContain('node node_modules/electron/install.js');
  });
});
