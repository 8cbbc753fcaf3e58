import path from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { Core } from '../core/core';
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

/** A contract call made as the 'cli' transport: its value, or its error thrown as an AppError. */
export type CliCall = <K extends CallName>(
  name: K,
  input: CallInput<K>,
  opts?: { signal?: AbortSignal },
) => Promise<CallOutput<K>>;

/**
 * The data dir's Core, for commands that do not serve HTTP: they make the same calls as the
 * app and the REST API (through the Core's router), then close it.
 */
export async function withCalls<T>(dataDir: string, fn: (call: CliCall) => Promise<T>): Promise<T> {
  const core = Core.open({ dataDir });
  const call: CliCall = async (name, input, opts) => {
    const r = await core.router.call(name, input, { transport: 'cli', ...opts });
    if (r.ok) return r.value;
    throw AppError.fromShape(r.error);
  };
  try {
    return await fn(call);
  } finally {
    await core.close();
  }
}
