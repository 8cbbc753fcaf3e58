// electron-builder hook (afterPack). To package, electron-builder rebuilds native addons for
// Electron's ABI in node_modules itself; once the app is packed, put back the Node build
// that `npm test` and the CLI load, so packaging never breaks the next test run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default async function afterPack() {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'native', 'ensure-node-abi.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0)
    console.warn('[mockdeck] could not restore the Node build of better-sqlite3: run `npm rebuild better-sqlite3`');
}
