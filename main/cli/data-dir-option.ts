import path from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { openApp, type App, type AppOptions } from '../core/app';
import { defaultDataDir } from '../core/data-dir';
import { AppError } from '../core/util/errors';
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
  // A one-shot command runs no pipelines (they would be cut off at its exit): the events it
  // causes wait in the outbox for the app or `mockdeck serve`.
  const app = await openApp({ pipelines: false, ...opts, dataDir });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** A contract call made as the 'cli' transport: its value, or its error thrown as an AppError. */
export type CliCall = <K extends CallName>(
  name: K,
  input: CallInput<K>,
  opts?: { signal?: AbortSignal },
) => Promise<CallOutput<K>>;

/**
 * The data dir's app, for commands that do not serve HTTP: they make the same calls as the
 * desktop app and the REST API (through the app's router), then close it.
 */
export function withCalls<T>(
  dataDir: string,
  fn: (call: CliCall) => Promise<T>,
  opts: Omit<AppOptions, 'dataDir'> = {},
): Promise<T> {
  return withApp(dataDir, (app) => fn(cliCaller(app)), opts);
}

/** The app's router as the 'cli' transport: a call's value, or its error thrown as an AppError (also for commands that keep their app open: serve, record). */
export function cliCaller(app: App): CliCall {
  return async (name, input, callOpts) => {
    const r = await app.router.call(name, input, { transport: 'cli', ...callOpts });
    if (r.ok) return r.value;
    throw AppError.fromShape(r.error);
  };
}
