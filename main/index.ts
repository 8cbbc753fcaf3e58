import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { attachCloud } from './core/cloud/registry';
import { Core } from './core/core';
import { defaultDataDir } from './core/data-dir';
import { EventHub } from './core/events/event-hub';
import { createAppRouter } from './core/handlers';
import { bridgeCloudEvents } from './core/handlers/cloud';
import { attachElectronTransport } from './ipc/electron-transport';
import { bridgeQuery, isWebBridgeEnabled, startWebBridge, type WebBridge } from './ipc/web-bridge';
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

let core: Core | null = null;
let hub: EventHub | null = null;
let win: BrowserWindow | null = null;
let bridge: WebBridge | null = null;
let detachIpc: (() => void) | null = null;
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
    core = Core.open({ dataDir });
  } catch (e) {
    // A newer or damaged database: say so and leave it untouched rather than guess.
    dialog.showErrorBox(
      'MockDeck cannot open its data',
      `${e instanceof Error ? e.message : String(e)}\n\nData folder: ${dataDir}`,
    );
    app.exit(1);
    return;
  }
  hub = new EventHub(core);
  const events = hub;
  // OAuth sign-in opens the system browser; only a parsed http(s) URL ever leaves the app.
  attachCloud(core.catalog, {
    openExternal: openWebUrlsOnly((safe) => shell.openExternal(safe)), // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: openWebUrlsOnly passes only parsed http(s) URLs (test/unit/window/open-external-guards.test.ts)
  })
    .then((cloud) => events.addSource((emit) => bridgeCloudEvents(cloud, emit)))
    .catch((e: unknown) => log('cloud features are unavailable', e));
  const router = createAppRouter({ core, app: { version: app.getVersion(), dataDir, platform: process.platform } });
  detachIpc = attachElectronTransport({
    ipcMain,
    dispatcher: router.forTransport('electron'),
    events: hub,
    appWebContents: () => win?.webContents ?? null,
    isAppUrl: policy.isAppUrl,
  }).detach;

  if (isWebBridgeEnabled({ isPackaged: app.isPackaged, env: process.env })) {
    bridge = await startWebBridge({ dispatcher: router.forTransport('web-bridge'), events: hub });
    log(
      `web bridge on ${bridge.url}; drive the UI from a browser with ${devServerUrl ?? 'the renderer URL'}?${bridgeQuery(bridge)}`,
    );
  }

  openWindow();
  // A taken port is not fatal: the server state carries the error and the UI offers another port.
  core.server.start().catch((e: unknown) => log('mock server did not start', e instanceof Error ? e.message : e));
  if (app.isPackaged) void checkForUpdates(log);
}

/** Stops the listeners, pushes and writes pending logs, closes the databases. */
async function shutdown(): Promise<void> {
  detachIpc?.();
  await bridge?.close().catch((e: unknown) => log('closing the web bridge failed', e));
  hub?.close();
  await core?.close().catch((e: unknown) => log('closing the core failed', e));
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
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
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
