#!/usr/bin/env node
// The published `mockdeck` bin. better-sqlite3 is a native addon compiled for one Node ABI:
// the repo's scripts run on the Node 24 of the `node` devDependency and the addon is built
// for it (scripts/native/ensure-node-abi.mjs), while `#!/usr/bin/env node` may find an older
// system Node. So this launcher re-runs the bundled CLI on that Node when it is installed,
// and builds the bundle (npm run build:cli) when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'cli.mjs');
const exe = process.platform === 'win32' ? 'node.exe' : 'node';
const pinnedNode = [
  path.join(root, 'node_modules', 'node', 'bin', exe),
  path.join(root, 'node_modules', '.bin', exe),
].find((p) => existsSync(p));

const sameFile = (a, b) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

if (!existsSync(bundle)) {
  process.stderr.write('mockdeck: building the CLI (npm run build:cli)…\n');
  // The build's own output goes to stderr: stdout belongs to the command (export writes JSON there).
  const r = spawnSync('npm', ['run', '--silent', 'build:cli'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0 || !existsSync(bundle)) {
    process.stderr.write(`mockdeck: could not build ${bundle}; run \`npm run build:cli\` in ${root}\n`);
    process.exit(1);
  }
}

if (pinnedNode && !sameFile(pinnedNode, process.execPath)) {
  // The IPC channel is how the child learns we died: kill -9 sends it no signal, but closes
  // the channel, and the CLI stops on 'disconnect' (main/cli/parent-watch.ts).
  const child = spawn(pinnedNode, [bundle, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.channel?.unref();
  // The child gets terminal signals itself; these relay kill/timeout signals sent to us alone.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    // Die of the same signal, as shells expect; our relay handler must not swallow it.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
  child.on('error', (e) => {
    process.stderr.write(`mockdeck: cannot start ${pinnedNode}: ${e.message}\n`);
    process.exit(1);
  });
} else {
  await import(pathToFileURL(bundle).href);
}
