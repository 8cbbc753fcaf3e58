/**
 * Checks for a new release and tells the user through the OS. Only packaged builds have a
 * feed to check; a failure (offline, no release yet) must never disturb the app.
 */
export async function checkForUpdates(log: (message: string, error?: unknown) => void): Promise<void> {
  try {
    // electron-updater is CommonJS with a lazily defined `autoUpdater` export, which an ES
    // module import may only see on `default`.
    const mod = (await import('electron-updater')) as typeof import('electron-updater') & {
      default?: typeof import('electron-updater');
    };
    const updater = mod.default?.autoUpdater ?? mod.autoUpdater;
    await updater.checkForUpdatesAndNotify();
  } catch (e) {
    log('update check failed', e);
  }
}
