import { createHash } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import type { SqliteDb } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const hash = (sql: string): string => createHash('sha256').update(sql).digest('hex');

export class MigrationError extends Error {}

/**
 * Applies pending migrations, each in its own IMMEDIATE transaction, with a ledger of
 * hashes. Refuses a database written by a newer MockDeck or whose applied migrations
 * were edited, and never deletes anything on failure: the backup taken before the first
 * pending migration stays next to the file.
 */
export function migrate(db: SqliteDb, migrations: readonly Migration[], file?: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, hash FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    hash: string;
  }[];
  migrations.forEach((m, i) => {
    if (i > 0 && m.version <= migrations[i - 1]!.version)
      throw new MigrationError('migrations must be listed in order');
  });
  const known = new Map(migrations.map((m) => [m.version, m]));

  for (const row of applied) {
    const m = known.get(row.version);
    if (!m) {
      throw new MigrationError(
        `database ${file ?? ''} has migration ${row.version} (${row.name}) that this MockDeck does not know: ` +
          `it was written by a newer version. Update MockDeck or use another data dir.`,
      );
    }
    if (hash(m.sql) !== row.hash) {
      throw new MigrationError(`migration ${row.version} (${row.name}) changed after it was applied`);
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const pending = migrations.filter((m) => !done.has(m.version));
  if (pending.length === 0) return;
  if (applied.length > 0 && pending[0]!.version < Math.max(...done)) {
    throw new MigrationError(
      `migration ${pending[0]!.version} is older than applied ones: the database is out of order`,
    );
  }
  if (file && applied.length > 0 && existsSync(file)) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(file, `${file}.backup-v${Math.max(...done)}`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, hash(m.sql), new Date().toISOString());
    }).immediate();
  }
}
