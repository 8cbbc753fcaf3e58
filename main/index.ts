import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { openApp, type App } from './core/app';
import { defaultDataDir } from './core/data-dir';
import { shutdownBoundMs } from './core/server/http-limits';
import { attachElectronTransport } from './ipc/electron-transport';
import { isWebBridgeEnabled, originOf, startWebBridge } from './ipc/web-bridge';
import { createAppUrlPolicy } from './window/app-url';
import { createMainWindow } from './window/create-window';
import { openWebUrlsOnly } from './window/external-url';
import { installAppMenu } from './window/menu';
import { secureSession } from './window/session-security';
import { checkForUpdates } from './window/updates';

/** Lifecycle and wiring only: everything MockDeck does lives in ./core and runs without Electron. */

const here = path.dirname(fileURLToPath(import.meta.url));
// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const policy = createAppUrlPolicy({ devServerUrl, indexFile: path.join(here, '../renderer/index.html') });
const log = (message: string, details?: unknown): void => console.log(`[mockdeck] ${message}`, details ?? '');

let mockdeck: App | null = null;
let win: BrowserWindow | null = null;
let quitting: Promise<void> | null = null;
let readyToQuit = false;

function openWindow(): void {
  win = createMainWindow({ policy, preloadPath: path.join(here, '../preload/index.cjs'), log });
  win.on('closed', () => (win = null));
}

async function start(): Promise<void> {
  await app.whenReady();
  secureSession(session.defaultSession, { devServerUrl });
  installAppMenu({ isMac: process.platform === 'darwin', isDev: !app.isPackaged });
  const dataDir = defaultDataDir();
  try {
    mockdeck = await openApp({
      dataDir,
      version: app.getVersion(),
      // An installed app loads only the SQLite addon it ships (MOCKDECK_SQLITE_BINDING is for npm start).
      packaged: app.isPackaged,
      // OAuth sign-in opens the system browser; only a parsed http(s) URL ever leaves the app.
      cloud: {
        openExternal: openWebUrlsOnly((safe) => shell.openExternal(safe)), // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: openWebUrlsOnly passes only parsed http(s) URLs (test/unit/window/open-external-guards.test.ts)
      },
    });
  } catch (e) {
    // A newer or damaged database: say so and leave it untouched rather than guess.
    dialog.showErrorBox(
      'MockDeck cannot open its data',
      `${e instanceof Error ? e.message : String(e)}\n\nData folder: ${dataDir}`,
    );
    app.exit(1);
    return;
  }
  const { router, events } = mockdeck;
  // Transports join the app's lifecycle, so its close() detaches them before the core goes.
  const ipc = attachElectronTransport({
    ipcMain,
    dispatcher: router.forTransport('electron'),
    events,
    appWebContents: () => win?.webContents ?? null,
    isAppUrl: policy.isAppUrl,
  });
  mockdeck.lifecycle.own('electron ipc', { close: ipc.detach });

  if (isWebBridgeEnabled({ env: process.env })) {
    // Asked for explicitly (MOCKDECK_WEB_BRIDGE=1, development only in practice). The token is
    // never printed: stdout ends up in terminals, CI logs and bug reports. Whoever wants to
    // drive the UI from a browser chooses it (MOCKDECK_WEB_BRIDGE_TOKEN) and knows it.
    const chosen = process.env.MOCKDECK_WEB_BRIDGE_TOKEN?.trim();
    const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
    const bridge = await mockdeck.lifecycle.open('web bridge', () =>
      startWebBridge({
        dispatcher: router.forTransport('web-bridge'),
        events,
        allowedOrigins: () => (devOrigin ? [devOrigin] : []),
        ...(chosen ? { token: chosen } : {}),
      }),
    );
    log(
      chosen
        ? `web bridge on ${bridge.url}: open ${devServerUrl ?? 'the renderer URL'}?bridge=${bridge.url}&token=<$MOCKDECK_WEB_BRIDGE_TOKEN>`
        : `web bridge on ${bridge.url} with a random token nobody is shown: set MOCKDECK_WEB_BRIDGE_TOKEN (16+ characters) to connect to it`,
    );
  }

  openWindow();
  // A taken port is not fatal: the server state carries the error and the UI offers another port.
  mockdeck.server.start().catch((e: unknown) => log('mock server did not start', e instanceof Error ? e.message : e));
  if (app.isPackaged) void checkForUpdates(log);
}

/**
 * Stops the listeners (requests in flight get the server's grace period, then every
 * connection is cut), pushes and writes pending logs, closes the databases. Should closing
 * still hang, the app quits anyway after the bound, once the queued logs are written.
 */
async function shutdown(): Promise<void> {
  const m = mockdeck;
  if (!m) return;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log('closing MockDeck takes too long; quitting anyway');
      try {
        m.server.flushLogs();
      } catch (e) {
        log('writing the request logs failed', e);
      }
      resolve();
    }, shutdownBoundMs(m.server.httpLimits()));
  });
  await Promise.race([m.close().catch((e: unknown) => log('closing MockDeck failed', e)), gaveUp]);
  clearTimeout(timer);
}

if (!app.requestSingleInstanceLock()) {
  // Two processes on one data dir would fight over the port and the databases.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (mockdeck && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows; the mock server keeps serving meanwhile.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (readyToQuit) return;
    event.preventDefault();
    quitting ??= shutdown().finally(() => {
      readyToQuit = true;
      app.quit();
    });
  });
  start().catch((e: unknown) => {
    dialog.showErrorBox('MockDeck failed to start', e instanceof Error ? (e.stack ?? e.message) : String(e));
    app.exit(1);
  });
}
