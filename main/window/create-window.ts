import { BrowserWindow, shell } from 'electron';
import type { AppUrlPolicy } from './app-url';
import { decideNavigation, decideRedirect, decideWindowOpen } from './navigation';

export interface MainWindowOptions {
  policy: AppUrlPolicy;
  /** The built preload (a CommonJS bundle: sandboxed preloads cannot load ES modules). */
  preloadPath: string;
  iconPath?: string | undefined;
  log: (message: string) => void;
}

/** The one app window, locked down: isolated, sandboxed, no Node, pinned to the app's pages. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'MockDeck',
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  const contents = win.webContents;

  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, opts.policy);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
    else opts.log(`blocked navigation to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-redirect', (event) => {
    if (decideRedirect(event.url, opts.policy).action === 'allow') return;
    event.preventDefault();
    opts.log(`blocked redirect to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
    return { action: 'deny' };
  });

  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.policy.entryUrl);
  return win;
}
