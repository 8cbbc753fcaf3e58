// `npm start` where Electron cannot run: the reason, and MockDeck in the system browser
// instead (`mockdeck ui`: the core serves the renderer's web build on 127.0.0.1 and the
// page talks to it through the loopback web bridge with a random token).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Why Electron cannot open a window here, or null when it should be able to. Checked
 * before building anything, so a machine without a display falls back in seconds.
 * @param {{ ok: boolean, path?: string, expected?: string }} electron what findElectronBinary found
 */
export function electronUnusableReason(electron, env = process.env, platform = process.platform) {
  if (!electron.ok) return `the Electron binary is not installed (expected at ${electron.expected})`;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  // Loads the binary and its shared libraries without opening a window or needing a display.
  const probe = spawnSync(electron.path, ['--version'], {
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.error || probe.status !== 0) {
    const said = `${probe.stderr ?? ''}`.trim().split('\n')[0] || probe.error?.message;
    return `the Electron binary cannot run here (${said || `exit code ${probe.status}`})`;
  }
  return null;
}

/** Newest modification time of the files under `dirs` (recursively), in ms. */
function newestMtime(dirs) {
  let newest = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Builds out/renderer-web when it is missing or older than the renderer and shared sources. */
export function ensureRendererWebBuild(root) {
  const index = path.join(root, 'out', 'renderer-web', 'index.html');
  const sources = [path.join(root, 'renderer'), path.join(root, 'shared')];
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return;
  console.log('[mockdeck] building the renderer for the browser (out/renderer-web)…');
  const require = createRequire(path.join(root, 'package.json'));
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  // The build's output goes to stderr: stdout carries the URL for whoever reads it.
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0 || !existsSync(index)) {
    console.error('[mockdeck] building the renderer failed; run `npm run build:renderer` to see why');
    process.exit(1);
  }
}

/**
 * Runs `mockdeck ui` (from source, through tsx) until it exits, relaying Ctrl+C/SIGTERM;
 * exits with its code. It stops by itself if this process is killed (--exit-with-parent).
 */
export function runBrowserUi(root, extraArgs = []) {
  ensureRendererWebBuild(root);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'main', 'cli.ts'), 'ui', '--exit-with-parent', ...extraArgs],
    // The IPC channel tells the child at once when this process dies (main/cli/parent-watch.ts).
    { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  child.channel?.unref();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
