import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm install` must not rewrite package-lock.json. `npm ci` never writes it, so CI alone
 * would not notice; npm install rewrites it when what it reads from package.json or from
 * the unpacked packages differs from the lockfile. These are those facts, checked against
 * what `npm ci` unpacked into node_modules.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'));
const pkg = readJson(path.join(root, 'package.json'));
const lock = readJson(path.join(root, 'package-lock.json')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean; link?: boolean }>;
};

const GROUPS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * npm's rule: a lifecycle install script, or a binding.gyp (npm then runs `node-gyp
 * rebuild`). npm 11 flags the binding.gyp even under `"gypfile": false` (better-sqlite3 13).
 */
function hasInstallScript(dir: string, manifest: Record<string, unknown>): boolean {
  const scripts = (manifest.scripts ?? {}) as Record<string, string>;
  if (scripts.preinstall || scripts.install || scripts.postinstall) return true;
  return existsSync(path.join(dir, 'binding.gyp'));
}

describe('package-lock.json is what npm install would write', () => {
  it("its root entry lists package.json's dependencies exactly", () => {
    const rootEntry = lock.packages[''] as Record<string, unknown>;
    for (const group of GROUPS) expect(rootEntry[group], group).toEqual(pkg[group]);
  });

  it('every installed package has its version and install-script flag as npm records them', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      const dir = path.join(root, where);
      // Optional packages for other platforms (and keytar where it could not build) are absent.
      if (!where || entry.link || !existsSync(path.join(dir, 'package.json'))) continue;
      const manifest = readJson(path.join(dir, 'package.json'));
      checked++;
      if (manifest.version !== entry.version) wrong.push(`${where}: version ${entry.version} ≠ ${manifest.version}`);
      const scripts = hasInstallScript(dir, manifest);
      if (scripts !== Boolean(entry.hasInstallScript)) wrong.push(`${where}: hasInstallScript should be ${scripts}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong, 'run `rm -rf node_modules && npm install` and commit the lockfile it writes').toEqual([]);
  });
});
