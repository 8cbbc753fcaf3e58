import path from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { openApp, type App, type AppOptions } from '../core/app';
import { defaultDataDir } from '../core/data-dir';
import { stringOption, type CliIo, type CommandArgs } from './command';

export const dataDirOption: ParseArgsOptionsConfig = { 'data-dir': { type: 'string' } };
export const DATA_DIR_HELP = `  --data-dir DIR   where MockDeck keeps its database (default: $MOCKDECK_DATA_DIR or the
                   desktop app's folder, e.g. ~/.config/MockDeck on Linux)`;

export function dataDirOf(args: CommandArgs, io: CliIo): string {
  const flag = stringOption(args, 'data-dir');
  return flag ? path.resolve(io.cwd, flag) : defaultDataDir(io.env);
}

/**
 * Opens the app on `dataDir` for one command and closes it afterwards: the same assembly
 * as `serve` and the desktop app, without listeners (nothing is started).
 */
export async function withApp<T>(
  dataDir: string,
  fn: (app: App) => Promise<T> | T,
  opts: Omit<AppOptions, 'dataDir'> = {},
): Promise<T> {
  const app = await openApp({ ...opts, dataDir });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
