// Runs after `npm install`, on the Node that the `node` devDependency provides (npm puts
// node_modules/.bin first on PATH, so every npm script runs on Node 24 even where the
// system Node is older). better-sqlite3 13 and keytar are Node-API addons: one binary
// loads in any Node >= 22 and in Electron, and better-sqlite3 ships prebuilt binaries in
// its npm package. This checks that they load on the Node the scripts use, and builds
// better-sqlite3 from source only for a platform without a prebuilt binary.
// keytar's absence only disables the keychain (MockDeck then offers session-only secrets):
// this script exits 0 whatever state keytar is in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));

function loads(code) {
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  const lines = (r.stderr || '').split('\n').map((l) => l.trim());
  // Node prints the failing source line first; the "Error: …" line is the one that explains.
  const err = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.slice(0, 3).join(' ');
  return { ok: r.status === 0, err };
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

// keytar is an optionalDependency: npm leaves it out where it cannot compile (no libsecret
// headers). Say so, and never fail the install for it.
const keytarInstalled = existsSync(path.join(root, 'node_modules', 'keytar', 'package.json'));
const keytar = keytarInstalled ? loads("require('keytar')") : { ok: false, err: '' };
if (!keytar.ok) {
  const linux = process.platform === 'linux';
  console.warn(
    `[mockdeck] the OS keychain is unavailable: ${keytarInstalled ? `keytar failed to load (${keytar.err})` : 'keytar (optional) was not installed, as it could not be built'}.\n` +
      `[mockdeck] To use the keychain: ${linux ? 'sudo apt install libsecret-1-dev (Debian/Ubuntu), then ' : ''}` +
      `${keytarInstalled ? 'npm rebuild keytar' : 'npm install'}. Until then MockDeck offers session-only secrets (never a plaintext file).`,
  );
}
