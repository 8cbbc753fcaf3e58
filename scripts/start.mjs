// `npm start` (build, then run the app) and `npm run dev` (electron-vite dev with HMR).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary } from './native/electron-binary.mjs';
import { ensureElectronSqlite } from './native/electron-sqlite.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const dev = process.argv.includes('--dev');

let electron = findElectronBinary(root);
// Electron 45 has no install script: its binary is downloaded on first use. Do that here,
// so `npm install && npm start` opens the app on a machine with internet access.
if (!electron.ok && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  console.log('[mockdeck] downloading the Electron binary (first start only)…');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { cwd: root, stdio: 'inherit' });
  electron = findElectronBinary(root);
}
if (!electron.ok) {
  const bar = '='.repeat(78);
  console.error(`
${bar}
  MockDeck cannot start: the Electron binary is not installed.
  Expected it at: ${electron.expected}

  It is downloaded on first start, unless ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set or
  the download failed (the build machines cannot reach GitHub). With internet access run:

      node node_modules/electron/install.js

  then \`npm start\` again. Without Electron you can still run everything else:
  the tests (npm test), the headless runner (npm run cli), and the UI in a
  browser through the web harness (npx tsx test/harness/web-app.ts).
${bar}
`);
  process.exit(1);
}

let binding;
try {
  binding = ensureElectronSqlite(root, electron.version);
} catch (e) {
  console.error(`[mockdeck] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

const env = { ...process.env };
if (binding) env.MOCKDECK_SQLITE_BINDING = binding;
// Set by some shells and tools; it would make the Electron binary behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const electronVite = require.resolve('electron-vite/bin/electron-vite.js');

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (dev) {
  // electron-vite dev builds main/preload, serves the renderer with HMR and launches Electron.
  run(process.execPath, [electronVite, 'dev']);
} else {
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(electron.path, ['.']);
}
