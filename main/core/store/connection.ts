import Database from 'better-sqlite3';
import { ensurePrivateFile, tightenIfExists } from '../util/private-files';

export type SqliteDb = Database.Database;
export type Synchronous = 'FULL' | 'NORMAL';

/**
 * Opens a SQLite file in WAL mode with foreign keys on. Projects use FULL so an
 * acknowledged edit survives power loss; request logs use NORMAL (WAL still keeps
 * every commit through a process kill) because they are written at request rate.
 *
 * MOCKDECK_SQLITE_BINDING points at a better-sqlite3 build for another runtime
 * (the Electron app keeps its own, so the Node build used by tests stays intact).
 *
 * A file is owner-only (0600), and so are its -wal and -shm files (util/private-files.ts).
 */
export function openDatabase(file: string, synchronous: Synchronous): SqliteDb {
  if (file !== ':memory:') {
    ensurePrivateFile(file);
    tightenIfExists(`${file}-wal`);
    tightenIfExists(`${file}-shm`);
  }
  const binding = process.env.MOCKDECK_SQLITE_BINDING;
  const db = new Database(file, binding ? { nativeBinding: binding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
