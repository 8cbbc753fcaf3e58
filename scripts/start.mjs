// `npm start` (build, then run the app) and `npm run dev` (electron-vite dev with HMR).
// Where Electron is missing or cannot run (no display, a build machine), `npm start` runs
// MockDeck in the system browser instead; `npm start -- --browser` asks for that directly.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronUnusableReason, runBrowserUi } from './native/browser-fallback.mjs';
import { findElectronBinary } from './native/electron-binary.mjs';
import { ensureElectronSqlite } from './native/electron-sqlite.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const dev = process.argv.includes('--dev');
/** An Electron that dies this soon after launch never got to open its window. */
const EARLY_EXIT_MS = 10_000;
const browserAsked = process.argv.includes('--browser') || process.env.MOCKDECK_BROWSER === '1';

// Other arguments go to `mockdeck ui` in browser mode, e.g. `npm start -- --port 3002 --no-open`.
const uiArgs = process.argv.slice(2).filter((a) => a !== '--dev' && a !== '--browser');

/** One line saying why, then the app in the browser; never returns. */
function fallBackToBrowser(reason) {
  console.log(`[mockdeck] ${reason}: running MockDeck in your browser instead.`);
  runBrowserUi(root, uiArgs);
}

let electron = findElectronBinary(root);
// Electron 45 has no install script: its binary is downloaded on first use. Do that here,
// so `npm install && npm start` opens the app on a machine with internet access.
if (!browserAsked && !electron.ok && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  console.log('[mockdeck] downloading the Electron binary (first start only)…');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { cwd: root, stdio: 'inherit' });
  electron = findElectronBinary(root);
}
const unusable = browserAsked ? 'the browser was asked for (--browser)' : electronUnusableReason(electron);
if (unusable && dev) {
  // Hot reload needs the Electron window; the browser mode serves a fixed build.
  console.error(`[mockdeck] npm run dev needs Electron, but ${unusable}. \`npm start\` runs MockDeck in your browser.`);
  process.exit(1);
}
if (unusable) fallBackToBrowser(unusable);
else startElectron();

function startElectron() {
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

  if (dev) {
    // electron-vite dev builds main/preload, serves the renderer with HMR and launches Electron.
    run(process.execPath, [electronVite, 'dev'], env);
  } else {
    const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, env, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    runElectron(electron.path, env);
  }
}

function run(cmd, args, env) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * Runs the app. A binary that passed the probe may still fail to open a window (a broken
 * GPU stack, a display it cannot use): a failure within seconds falls back to the browser.
 */
function runElectron(bin, env) {
  const started = Date.now();
  let stopping = false;
  const child = spawn(bin, ['.'], { cwd: root, env, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopping = true;
      child.kill(sig);
    });
  }
  child.on('exit', (code, signal) => {
    const failedAtOnce = !stopping && (code !== 0 || signal) && Date.now() - started < EARLY_EXIT_MS;
    if (!failedAtOnce) process.exit(code ?? (signal ? 1 : 0));
    fallBackToBrowser(`Electron exited right after starting (${signal ?? `exit code ${code}`})`);
  });
}
