import path from 'node:path';
import { ensurePrivateDir } from '../util/private-files';
import { openDatabase, type SqliteDb } from './connection';
import { migrate } from './migrate';
import { catalogMigrations } from './migrations/catalog';
import { logsMigrations } from './migrations/logs';
import { AiUsageRepo } from './ai-usage-repo';
import { BucketsRepo } from './buckets-repo';
import { MocksRepo } from './mocks-repo';
import { OutboxRepo } from './outbox-repo';
import { ProjectsRepo } from './projects-repo';
import { RequestLogsRepo } from './request-logs-repo';
import { ResponsesRepo } from './responses-repo';
import { SettingsRepo } from './settings-repo';
import { Transactions } from './transactions';

export interface Store {
  readonly dataDir: string | null;
  readonly db: SqliteDb;
  readonly logsDb: SqliteDb;
  readonly projects: ProjectsRepo;
  readonly mocks: MocksRepo;
  readonly responses: ResponsesRepo;
  readonly buckets: BucketsRepo;
  readonly logs: RequestLogsRepo;
  readonly settings: SettingsRepo;
  readonly outbox: OutboxRepo;
  /** Tokens AI generation used per month (catalog migration 12). */
  readonly aiUsage: AiUsageRepo;
  /**
   * Runs `fn` in one IMMEDIATE catalog transaction: all of it is committed or none. Nests:
   * inside another `tx` it is a savepoint of the outer one.
   */
  tx<T>(fn: () => T): T;
  /**
   * Runs `callback` after the outermost transaction commits (at once outside one); drops it
   * if that transaction rolls back. A throwing callback is logged and affects nothing else.
   */
  afterCommit(callback: () => void): void;
  close(): void;
}

export const CATALOG_FILE = 'catalog.db';
export const LOGS_FILE = 'logs.db';

/** Opens (creating and migrating) the store in `dataDir` (owner-only: 0700, files 0600), or in memory when null. */
export function openStore(dataDir: string | null): Store {
  if (dataDir) ensurePrivateDir(dataDir);
  const catalogFile = dataDir ? path.join(dataDir, CATALOG_FILE) : ':memory:';
  const logsFile = dataDir ? path.join(dataDir, LOGS_FILE) : ':memory:';
  const db = openDatabase(catalogFile, 'FULL');
  const logsDb = openDatabase(logsFile, 'NORMAL');
  try {
    useIncrementalVacuum(logsDb);
    migrate(db, catalogMigrations, dataDir ? catalogFile : undefined);
    migrate(logsDb, logsMigrations, dataDir ? logsFile : undefined);
  } catch (e) {
    db.close();
    logsDb.close();
    throw e;
  }
  const transactions = new Transactions(db);
  return {
    dataDir,
    db,
    logsDb,
    projects: new ProjectsRepo(db),
    mocks: new MocksRepo(db),
    responses: new ResponsesRepo(db),
    buckets: new BucketsRepo(db),
    logs: new RequestLogsRepo(logsDb),
    settings: new SettingsRepo(db),
    outbox: new OutboxRepo(db),
    aiUsage: new AiUsageRepo(db),
    // Arrow functions: callers pass `store.tx` around unbound (sync's ReconcileEnv does).
    tx: <T>(fn: () => T): T => transactions.run(fn),
    afterCommit: (callback: () => void): void => transactions.afterCommit(callback),
    close() {
      if (db.open) db.close();
      if (logsDb.open) logsDb.close();
    },
  };
}

/**
 * logs.db is trimmed all the time (retention) and cleared by users: in incremental auto-vacuum
 * mode its free pages can be given back (RequestLogsRepo.reclaim). The mode takes effect on a
 * new file at once; a file made before it needs one VACUUM, done here once (it rewrites the
 * file: seconds for a large one, on the first start of this version only).
 */
function useIncrementalVacuum(logsDb: SqliteDb): void {
  const INCREMENTAL = 2;
  if (logsDb.pragma('auto_vacuum', { simple: true }) === INCREMENTAL) return;
  logsDb.pragma('auto_vacuum = INCREMENTAL');
  if (logsDb.pragma('auto_vacuum', { simple: true }) !== INCREMENTAL) logsDb.exec('VACUUM');
}
