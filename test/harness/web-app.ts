import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { attachCloud } from '../../main/core/cloud/registry';
import { Core } from '../../main/core/core';
import { EventHub } from '../../main/core/events/event-hub';
import { createAppRouter } from '../../main/core/handlers';
import { bridgeCloudEvents } from '../../main/core/handlers/cloud';
import { bridgeQuery, startWebBridge } from '../../main/ipc/web-bridge';
import { buildCsp } from '../../main/window/csp';
import { startStaticServer } from './static-server';

/**
 * The desktop app minus Electron, for browser tests: a Core on its own data dir with the
 * mock server on a free port, the loopback web bridge serving the real handler table and
 * events, and a static server for the renderer's web build. The page finds the bridge
 * through its query string, so `appUrl` is all a test has to open.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RENDERER_DIR = path.join(ROOT, 'out', 'renderer-web');

export interface WebAppOptions {
  /** Kept after close; a fresh temp dir (deleted on close) when absent. */
  dataDir?: string;
  /** The renderer web build (`npm run build:renderer`); defaults to out/renderer-web. */
  rendererDir?: string;
  /** Mock server port; a free one when absent. */
  port?: number;
}

/** What the CLI prints as one JSON line. */
export interface WebAppInfo {
  /** The renderer page with `?bridge=…&token=…` already in it. */
  appUrl: string;
  /** ws://127.0.0.1:PORT (no token). */
  bridgeUrl: string;
  token: string;
  /** The mock server's base URL, e.g. http://127.0.0.1:41234 (mocks under /m/:slug/…). */
  serverUrl: string;
  dataDir: string;
}

export interface WebApp extends WebAppInfo {
  core: Core;
  close(): Promise<void>;
}

export async function startWebApp(opts: WebAppOptions = {}): Promise<WebApp> {
  const rendererDir = path.resolve(opts.rendererDir ?? DEFAULT_RENDERER_DIR);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`no renderer build in ${rendererDir}: run \`npm run build:renderer\` first`);
  }
  const tempDir = opts.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'mockdeck-web-'));
  const dataDir = path.resolve(opts.dataDir ?? tempDir!);
  const cleanups: (() => Promise<void> | void)[] = [];
  if (tempDir) cleanups.push(() => rmSync(tempDir, { recursive: true, force: true }));
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch (e) {
        console.error('[harness] cleanup step failed', e);
      }
    }
  };

  try {
    const core = Core.open({ dataDir, port: opts.port ?? 0 });
    cleanups.push(() => core.close());
    const state = await core.server.start();
    if (!state.running || !state.url) {
      throw new Error(`mock server did not start: ${state.error?.message ?? 'unknown reason'}`);
    }
    const hub = new EventHub(core);
    cleanups.push(() => hub.close());
    // Session-only secrets: a test run must never write tokens into the user's keychain.
    const cloud = await attachCloud(core.catalog, { sessionOnly: true });
    hub.addSource((emit) => bridgeCloudEvents(cloud, emit));
    const router = createAppRouter({ core, app: { version: packageVersion(), dataDir, platform: process.platform } });
    const bridge = await startWebBridge({ dispatcher: router.forTransport('web-bridge'), events: hub });
    cleanups.push(() => bridge.close());
    // The page may connect to its own origin and to this one bridge socket, nothing else.
    const web = await startStaticServer(rendererDir, {
      'content-security-policy': buildCsp({ bridgeUrl: bridge.url }),
    });
    cleanups.push(() => web.close());
    return {
      appUrl: `${web.url}?${bridgeQuery(bridge)}`,
      bridgeUrl: bridge.url,
      token: bridge.token,
      serverUrl: state.url,
      dataDir,
      core,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** CLI: prints one JSON line (WebAppInfo) on stdout once ready; logs go to stderr. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      port: { type: 'string' },
    },
  });
  const opts: WebAppOptions = {};
  if (values['data-dir']) opts.dataDir = values['data-dir'];
  if (values['renderer-dir']) opts.rendererDir = values['renderer-dir'];
  if (values.port) opts.port = Number(values.port);
  const app = await startWebApp(opts);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A test runner killed with -9 cannot send SIGTERM: notice being orphaned and clean up.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
  const info: WebAppInfo = {
    appUrl: app.appUrl,
    bridgeUrl: app.bridgeUrl,
    token: app.token,
    serverUrl: app.serverUrl,
    dataDir: app.dataDir,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(`[harness] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
