import { BrowserWindow, dialog, shell } from 'electron';
import type { AppUrlPolicy } from './app-url';
import { decideNavigation, decideRedirect, decideWindowOpen, requireGestureForExternal } from './navigation';
import { createGestureTracker } from './user-gesture';

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
      preload: opts.preloadPath, // eng-disable PRELOAD_JS_CHECK - reviewed: a sandboxed, context-isolated preload exposing only invoke(name, input) and on(event, cb) for contract names (test/unit/ipc/preload.test.ts)
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
      // Middle-click (auxclick) on a link must not open anything: the window-open handler
      // below denies new windows anyway; this turns the event off at its source as well.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  const gestures = createGestureTracker();
  contents.on('input-event', (_event, input) => gestures.record(input));
  const hadGesture = (): boolean => gestures.consume();

  contents.on('will-navigate', (event) => {
    const decision = requireGestureForExternal(decideNavigation(event.url, opts.policy), hadGesture);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external')
      void shell.openExternal(decision.url); // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: decideNavigation returns only safeExternalUrl()'s parsed http(s) URL
    else
      opts.log(`blocked navigation to ${event.url.slice(0, 200)} (not the app, or no click or key press just before)`);
  });
  contents.on('will-redirect', (event) => {
    if (decideRedirect(event.url, opts.policy).action === 'allow') return;
    event.preventDefault();
    opts.log(`blocked redirect to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = requireGestureForExternal(decideWindowOpen(url), hadGesture);
    if (decision.action === 'open-external')
      void shell.openExternal(decision.url); // eng-disable OPEN_EXTERNAL_JS_CHECK - reviewed: decideWindowOpen returns only safeExternalUrl()'s parsed http(s) URL
    else opts.log(`blocked window.open of ${url.slice(0, 200)} (not an http(s) link the user just clicked)`);
    return { action: 'deny' };
  });

  // The renderer cancels beforeunload while an editor has unsaved changes. Electron would then
  // refuse to close the window without a word: ask, and close only when the user agrees.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Discard changes and close', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'You have unsaved changes.',
      detail: 'Closing MockDeck now discards them. Save first (Ctrl+S) to keep them.',
    });
    if (choice === 0) event.preventDefault(); // preventDefault here lets the unload go ahead
  });

  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.policy.entryUrl);
  return win;
}
