import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultRendererDir, serveBrowserUi } from '../../main/browser/browser-ui';
import { openApp, type App } from '../../main/core/app';

/**
 * The desktop app minus Electron, for browser tests: the app (openApp) on its own data dir
 * with the mock server on a free port and session-only secrets, served to the browser by
 * the same browser UI `mockdeck ui` and `npm start` use (main/browser). This adds only
 * what tests need: a temp data dir removed on close, and a JSON ready line.
 */

export const DEFAULT_RENDERER_DIR = defaultRendererDir(fileURLToPath(import.meta.url))!;

export interface WebAppOptions {
  /** Kept after close; a fresh temp dir (deleted on close) when absent. */
  dataDir?: string;
  /** The renderer web build (`npm run build:renderer`); defaults to out/renderer-web. */
  rendererDir?: string;
  /** Mock server port; a free one when absent. */
  port?: number;
}

/**
 * The file where the harness records every URL the app asks the system browser to open (OAuth
 * sign-in, plan checkout), one JSON string a line: no browser is opened, and a test in another
 * process reads what would have been.
 */
export const openedUrlsFile = (dataDir: string): string => path.join(dataDir, 'opened-urls.jsonl');

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
  app: App;
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
    // Session-only secrets: a test run must never write tokens into the user's keychain.
    const app = await openApp({
      dataDir,
      port: opts.port ?? 0,
      cloud: {
        secrets: 'session-only',
        openExternal: async (url) => appendFileSync(openedUrlsFile(dataDir), `${JSON.stringify(url)}\n`),
      },
    });
    cleanups.push(() => app.close());
    const ui = await serveBrowserUi(app, { rendererDir });
    const state = await app.server.start();
    if (!state.running || !state.url) {
      throw new Error(`mock server did not start: ${state.error?.message ?? 'unknown reason'}`);
    }
    return { ...ui, serverUrl: state.url, dataDir, app, close };
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
