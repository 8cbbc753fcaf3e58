import Database from 'better-sqlite3';
import { ensurePrivateFile, tightenIfExists } from '../util/private-files';

export type SqliteDb = Database.Database;

/** A better-sqlite3 build to load instead of the package's own (development only). */
export const SQLITE_BINDING_ENV = 'MOCKDECK_SQLITE_BINDING';

/**
 * Packaged builds load only the better-sqlite3 they ship: in an installed app the override
 * would let anything that sets MockDeck's environment load a native library of its choice
 * into it. Removed from the environment rather than ignored, so the log writer's worker,
 * which copies the environment when it starts, cannot read it either.
 */
export function refuseSqliteBindingOverride(env: NodeJS.ProcessEnv = process.env): void {
  delete env[SQLITE_BINDING_ENV];
}
export type Synchronous = 'FULL' | 'NORMAL';

/**
 * Opens a SQLite file in WAL mode with foreign keys on. Projects use FULL so an
 * acknowledged edit survives power loss; request logs use NORMAL (WAL still keeps
 * every commit through a process kill) because they are written at request rate.
 *
 * MOCKDECK_SQLITE_BINDING points at a better-sqlite3 build for another runtime
 * (the Electron app keeps its own, so the Node build used by tests stays intact). Packaged
 * apps never honour it (openApp({ packaged: true }) → refuseSqliteBindingOverride).
 *
 * A file is owner-only (0600), and so are its -wal and -shm files (util/private-files.ts).
 */
export function openDatabase(file: string, synchronous: Synchronous): SqliteDb {
  if (file !== ':memory:') {
    ensurePrivateFile(file);
    tightenIfExists(`${file}-wal`);
    tightenIfExists(`${file}-shm`);
  }
  const binding = process.env[SQLITE_BINDING_ENV];
  const db = new Database(file, binding ? { nativeBinding: binding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
