// Finds the Electron executable the way node_modules/electron/index.js does, without its
// side effect: requiring 'electron' from Node tries to download a missing binary, which on
// a machine without internet hangs and then fails.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** @returns {{ ok: true, path: string, version: string } | { ok: false, expected: string, version: string | null }} */
export function findElectronBinary(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  const pkgFile = path.join(dir, 'package.json');
  const version = existsSync(pkgFile) ? JSON.parse(readFileSync(pkgFile, 'utf8')).version : null;
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const expected = override
    ? path.join(override, relative || 'electron')
    : path.join(dir, 'dist', relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
  if (version && existsSync(expected)) return { ok: true, path: expected, version };
  return { ok: false, expected, version };
}
