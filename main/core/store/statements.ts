import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './connection';

/**
 * Prepares each SQL text once per connection. Preparing costs more than running the small
 * queries one write makes, and an import of 10,000 mocks makes tens of thousands of them.
 * Not for statements that are iterated: one being iterated cannot run again until it is done.
 */
export function statementCache(db: SqliteDb): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
}
