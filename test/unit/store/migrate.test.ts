import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/store/connection';
import { migrate, MigrationError, type Migration } from '../../../main/core/store/migrate';
import { openStore } from '../../../main/core/store/store';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'mockdeck-migrate-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const m1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER);' };
const m2: Migration = { version: 2, name: 'two', sql: 'ALTER TABLE a ADD COLUMN y TEXT;' };

describe('migrate', () => {
  it('applies pending migrations once and records them in the ledger', () => {
    const db = openDatabase(':memory:', 'FULL');
    migrate(db, [m1]);
    migrate(db, [m1, m2]);
    migrate(db, [m1, m2]);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: 'one' },
      { version: 2, name: 'two' },
    ]);
    expect(db.prepare("SELECT name FROM pragma_table_info('a')").all()).toEqual([{ name: 'x' }, { name: 'y' }]);
  });

  it('refuses a database written by a newer MockDeck', () => {
    const db = openDatabase(':memory:', 'FULL');
    migrate(db, [m1, m2]);
    expect(() => migrate(db, [m1])).toThrow(/newer version/);
  });

  it('refuses a migration whose SQL changed after it was applied', () => {
    const db = openDatabase(':memory:', 'FULL');
    migrate(db, [m1]);
    expect(() => migrate(db, [{ ...m1, sql: 'CREATE TABLE b (x INTEGER);' }])).toThrow(MigrationError);
  });

  it('rolls back a failing migration and keeps the earlier schema', () => {
    const db = openDatabase(':memory:', 'FULL');
    migrate(db, [m1]);
    const bad: Migration = {
      version: 2,
      name: 'bad',
      sql: 'ALTER TABLE a ADD COLUMN z TEXT; SELECT * FROM missing_table;',
    };
    expect(() => migrate(db, [m1, bad])).toThrow();
    expect(db.prepare("SELECT name FROM pragma_table_info('a')").all()).toEqual([{ name: 'x' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
  });

  it('backs up the file before migrating an existing database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.db');
    const db = openDatabase(file, 'FULL');
    migrate(db, [m1], file);
    db.prepare('INSERT INTO a (x) VALUES (42)').run();
    migrate(db, [m1, m2], file);
    db.close();
    const backup = path.join(dir, 'x.db.backup-v1');
    expect(existsSync(backup)).toBe(true);
    const old = openDatabase(backup, 'FULL');
    expect(old.prepare('SELECT x FROM a').get()).toEqual({ x: 42 });
    old.close();
  });
});

describe('openStore', () => {
  it('creates both databases in WAL mode with foreign keys on, and reopens them', () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.logsDb.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.logsDb.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    store.settings.set('k', 'v');
    store.close();
    const again = openStore(dir);
    expect(again.settings.get('k')).toBe('v');
    again.close();
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['catalog.db', 'logs.db']));
  });
});
