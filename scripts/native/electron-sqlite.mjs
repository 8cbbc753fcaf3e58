// better-sqlite3 13+ is a Node-API addon: one binary loads in Node and in Electron, and
// nothing needs building. An older, V8-ABI build (12 and before) loads in one runtime only:
// then a build for Electron's ABI is kept in .native/electron/, apart from the Node build in
// node_modules that `npm test` loads, so `npm start` and `npm test` both work in either
// order. main/core/store/connection.ts loads it through MOCKDECK_SQLITE_BINDING.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** True when the installed better-sqlite3 is built on Node-API (node-addon-api). */
export function isNodeApiSqlite(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const pkg = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8'));
  return Boolean(pkg.dependencies?.['node-addon-api'] || pkg.binary?.napi_versions);
}

/**
 * The better-sqlite3 binding Electron should load: null when the default one serves (a
 * Node-API build), else the path of a build for Electron's ABI, compiled once.
 */
export function ensureElectronSqlite(root, electronVersion) {
  if (isNodeApiSqlite(root)) return null;
  const require = createRequire(path.join(root, 'package.json'));
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const outDir = path.join(root, '.native', 'electron');
  const binding = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'stamp.json');
  const stamp = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };
  if (existsSync(binding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp))
    return binding;

  console.log(
    `[mockdeck] building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; kept in .native/electron)`,
  );
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  // Build a copy: rebuilding in node_modules would replace the Node build the tests use.
  const work = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-sqlite-electron-'));
  try {
    const oldBuild = path.join(sqliteDir, 'build');
    cpSync(sqliteDir, work, {
      recursive: true,
      filter: (src) => src !== oldBuild && !src.startsWith(oldBuild + path.sep),
    });
    const env = { ...process.env };
    // This repo points npm at the Node headers for the test build; Electron needs its own.
    for (const key of Object.keys(env)) if (/^npm_config_nodedir$/i.test(key)) delete env[key];
    const r = spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, env, stdio: 'inherit' },
    );
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (r.status !== 0 || !existsSync(built)) {
      throw new Error(
        'building better-sqlite3 for Electron failed (it needs python3, make, a C++ compiler and internet access to electronjs.org/headers)',
      );
    }
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, binding);
    writeFileSync(stampFile, JSON.stringify(stamp));
    return binding;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
