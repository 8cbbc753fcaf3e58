import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'MockDeck';
export const DATA_DIR_ENV = 'MOCKDECK_DATA_DIR';

/**
 * The folder where MockDeck keeps catalog.db, logs.db and api-token. It is the folder
 * Electron's app.getPath('userData') returns for productName "MockDeck", so the CLI and the
 * desktop app share one database. $MOCKDECK_DATA_DIR overrides it (CI, Docker, tests).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env[DATA_DIR_ENV]?.trim();
  if (override) return path.resolve(override);
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    case 'win32':
      return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    default:
      // Electron uses $XDG_CONFIG_HOME (not XDG_DATA_HOME) for userData on Linux.
      return path.join(env.XDG_CONFIG_HOME?.trim() || path.join(home, '.config'), APP_DIR_NAME);
  }
}
