import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDb } from '../../../main/core/store/connection';
import { Transactions } from '../../../main/core/store/transactions';

let db: SqliteDb;
let reported: string[];
let tx: Transactions;

beforeEach(() => {
  db = openDatabase(':memory:', 'FULL');
  db.exec('CREATE TABLE t (x INTEGER)');
  reported = [];
  tx = new Transactions(db, (message, e) => reported.push(`${message}: ${(e as Error).message}`));
});
afterEach(() => db.close());

const rows = () => (db.prepare('SELECT x FROM t ORDER BY x').all() as { x: number }[]).map((r) => r.x);
const insert = (x: number) => db.prepare('INSERT INTO t VALUES (?)').run(x);

describe('nested transactions with an after-commit queue', () => {
  it('delivers what was queued, in order, only after the outermost commit', () => {
    const seen: string[] = [];
    tx.run(() => {
      insert(1);
      tx.afterCommit(() => seen.push(`outer sees ${rows().join(',')}`));
      tx.run(() => {
        insert(2);
        tx.afterCommit(() => seen.push('inner'));
      });
      expect(seen).toEqual([]); // the inner commit is only a savepoint: nothing is told yet
    });
    expect(seen).toEqual(['outer sees 1,2', 'inner']);
  });

  it('drops everything queued when the outermost transaction rolls back', () => {
    const seen: string[] = [];
    expect(() =>
      tx.run(() => {
        tx.run(() => {
          insert(1);
          tx.afterCommit(() => seen.push('inner'));
        });
        throw new Error('outer fails after the inner one committed');
      }),
    ).toThrow('outer fails');
    expect(rows()).toEqual([]);
    tx.run(() => insert(3)); // a later commit must not deliver the dropped callbacks either
    expect(seen).toEqual([]);
  });

  it('drops only what a rolled-back savepoint queued when the outer transaction goes on', () => {
    const seen: string[] = [];
    tx.run(() => {
      insert(1);
      tx.afterCommit(() => seen.push('kept'));
      try {
        tx.run(() => {
          insert(2);
          tx.afterCommit(() => seen.push('dropped'));
          throw new Error('inner fails');
        });
      } catch {
        // the caller recovers and commits the rest
      }
    });
    expect(rows()).toEqual([1]);
    expect(seen).toEqual(['kept']);
  });

  it('runs a callback at once outside any transaction', () => {
    const seen: number[] = [];
    tx.afterCommit(() => seen.push(1));
    expect(seen).toEqual([1]);
  });

  it('isolates a throwing callback: the commit stands, the others run, the failure is reported', () => {
    const seen: string[] = [];
    tx.run(() => {
      insert(1);
      tx.afterCommit(() => {
        throw new Error('listener broke');
      });
      tx.afterCommit(() => seen.push('second'));
    });
    expect(rows()).toEqual([1]);
    expect(seen).toEqual(['second']);
    expect(reported).toEqual([expect.stringContaining('listener broke')]);
  });
});
