// Runs after `npm install`, on the Node that the `node` devDependency provides (npm puts
// node_modules/.bin first on PATH, so every npm script runs on Node 24 even where the
// system Node is older). better-sqlite3 13 and keytar are Node-API addons: one binary
// loads in any Node >= 22 and in Electron, and better-sqlite3 ships prebuilt binaries in
// its npm package. This checks that they load on the Node the scripts use, and builds
// better-sqlite3 from source only for a platform without a prebuilt binary.
// keytar's absence only disables the keychain (MockDeck then offers session-only secrets).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));

function loads(code) {
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  return { ok: r.status === 0, err: (r.stderr || '').split('\n').slice(0, 3).join(' ') };
}

function headersDir() {
  // The `node` package installs node-<platform>-<arch> (a full Node distribution with
  // include/node) next to itself; node-gyp accepts it as --nodedir.
  const pkg = `node-${process.platform}-${process.arch}`;
  const candidates = [
    path.join(root, 'node_modules', 'node', 'node_modules', pkg),
    path.join(root, 'node_modules', pkg),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'node.h')));
}

function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) {
    return process.env.npm_config_node_gyp;
  }
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined;
  }
}

const sqliteCheck = "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()";
const before = loads(sqliteCheck);
if (before.ok) {
  console.log(`[mockdeck] better-sqlite3 loads in Node ${process.version}`);
} else {
  console.log(`[mockdeck] better-sqlite3 does not load in Node ${process.version}: rebuilding (${before.err})`);
  const gyp = nodeGyp();
  const nodedir = headersDir();
  if (!gyp) {
    console.error('[mockdeck] node-gyp not found; run `npm rebuild better-sqlite3` with Node >= 22.');
    process.exit(1);
  }
  const env = { ...process.env };
  if (nodedir) env.npm_config_nodedir = nodedir;
  else delete env.npm_config_nodedir; // let node-gyp fetch headers for this Node
  const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release'], {
    cwd: path.dirname(require.resolve('better-sqlite3/package.json')),
    env,
    stdio: 'inherit',
  });
  const after = loads(sqliteCheck);
  if (r.status !== 0 || !after.ok) {
    console.error(`[mockdeck] rebuilding better-sqlite3 failed: ${after.err}`);
    process.exit(1);
  }
  console.log(`[mockdeck] better-sqlite3 rebuilt for Node ${process.version}`);
}

const keytar = loads("require('keytar')");
if (!keytar.ok) {
  console.warn(
    '[mockdeck] keytar (OS keychain) did not build: install libsecret-1-dev (Debian/Ubuntu) ' +
      'and run `npm rebuild keytar`. Until then MockDeck offers only session-only secrets.',
  );
}
