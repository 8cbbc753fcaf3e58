import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Where `require('electron')` would point, checked without requiring it: in Electron 45
 * that require tries to download a missing binary, which on the build machines hangs.
 */
export function electronBinary(): { path: string; present: boolean } {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  const rel = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const bin = override ? path.join(override, rel) : path.join(dir, 'dist', rel);
  return { path: bin, present: existsSync(bin) };
}
