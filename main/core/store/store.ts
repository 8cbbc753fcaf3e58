import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type SqliteDb } from './connection';
import { migrate } from './migrate';
import { catalogMigrations } from './migrations/catalog';
import { logsMigrations } from './migrations/logs';
import { MocksRepo } from './mocks-repo';
import { ProjectsRepo } from './projects-repo';
import { RequestLogsRepo } from './request-logs-repo';
import { ResponsesRepo } from './responses-repo';
import { SettingsRepo } from './settings-repo';

export interface Store {
  readonly dataDir: string | null;
  readonly db: SqliteDb;
  readonly logsDb: SqliteDb;
  readonly projects: ProjectsRepo;
  readonly mocks: MocksRepo;
  readonly responses: ResponsesRepo;
  readonly logs: RequestLogsRepo;
  readonly settings: SettingsRepo;
  /** Runs `fn` in one IMMEDIATE catalog transaction: all of it is committed or none. */
  tx<T>(fn: () => T): T;
  close(): void;
}

export const CATALOG_FILE = 'catalog.db';
export const LOGS_FILE = 'logs.db';

/** Opens (creating and migrating) the store in `dataDir`, or in memory when null. */
export function openStore(dataDir: string | null): Store {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const catalogFile = dataDir ? path.join(dataDir, CATALOG_FILE) : ':memory:';
  const logsFile = dataDir ? path.join(dataDir, LOGS_FILE) : ':memory:';
  const db = openDatabase(catalogFile, 'FULL');
  const logsDb = openDatabase(logsFile, 'NORMAL');
  try {
    migrate(db, catalogMigrations, dataDir ? catalogFile : undefined);
    migrate(logsDb, logsMigrations, dataDir ? logsFile : undefined);
  } catch (e) {
    db.close();
    logsDb.close();
    throw e;
  }
  return {
    dataDir,
    db,
    logsDb,
    projects: new ProjectsRepo(db),
    mocks: new MocksRepo(db),
    responses: new ResponsesRepo(db),
    logs: new RequestLogsRepo(logsDb),
    settings: new SettingsRepo(db),
    tx: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close() {
      if (db.open) db.close();
      if (logsDb.open) logsDb.close();
    },
  };
}
