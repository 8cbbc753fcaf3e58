import path from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { Catalog } from '../core/catalog/catalog';
import { openStore, type Store } from '../core/store/store';
import { systemClock } from '../core/util/clock';
import { stringOption, type CliIo, type CommandArgs } from './command';

export const dataDirOption: ParseArgsOptionsConfig = { 'data-dir': { type: 'string' } };
export const DATA_DIR_HELP = `  --data-dir DIR   where MockDeck keeps its database (default: $MOCKDECK_DATA_DIR or the
                   desktop app's folder, e.g. ~/.config/MockDeck on Linux)`;

export function dataDirOf(args: CommandArgs, io: CliIo): string {
  const flag = stringOption(args, 'data-dir');
  return flag ? path.resolve(io.cwd, flag) : defaultDataDir(io.env);
}

/** The store and catalog alone, for commands that do not serve HTTP. */
export function withCatalog<T>(dataDir: string, fn: (catalog: Catalog, store: Store) => T): T {
  const store = openStore(dataDir);
  try {
    return fn(new Catalog(store, systemClock), store);
  } finally {
    store.close();
  }
}
