import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { CATALOG_FILE, LOGS_FILE, openStore } from '../../../main/core/store/store';
import { newTimeOrderedId } from '../../../main/core/util/ids';
import { API_TOKEN_FILE, resolveApiToken } from '../../../main/core/util/local-token';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-hygiene-'));
  dirs.push(d);
  return d;
}
const mode = (file: string) => statSync(file).mode & 0o777;

const bigLog = (i: number): RequestLog => ({
  id: newTimeOrderedId(),
  projectId: 'p1',
  mockId: 'm1',
  responseId: null,
  requestPath: `/x/${i}`,
  requestMethod: 'POST',
  requestHeaders: { host: 'h' },
  requestQuery: {},
  requestBody: 'x'.repeat(8000),
  requestBodyEncoding: 'utf8',
  responseStatus: 200,
  responseHeaders: {},
  responseBody: 'y'.repeat(8000),
  responseBodyEncoding: 'utf8',
  responseBodyTruncated: false,
  responseTimeMs: 1,
  ipAddress: '127.0.0.1',
  userAgent: 'ua',
  errorCode: null,
  conditionFailures: [],
  createdAt: new Date(1_800_000_000_000 + i).toISOString(),
});

describe.skipIf(process.platform === 'win32')('data dir file modes', () => {
  it('creates the data dir 0700 and catalog.db, logs.db, their -wal files and api-token 0600, whatever the umask', () => {
    const parent = tempDir();
    const dir = path.join(parent, 'data');
    const umask = process.umask(0o022);
    try {
      const store = openStore(dir);
      store.db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
      store.logs.insertBatch([bigLog(1)], 100);
      resolveApiToken({ dataDir: dir });
      expect(mode(dir)).toBe(0o700);
      for (const f of [CATALOG_FILE, `${CATALOG_FILE}-wal`, LOGS_FILE, `${LOGS_FILE}-wal`, API_TOKEN_FILE])
        expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
      store.close();
    } finally {
      process.umask(umask);
    }
  });

  it('tightens a data dir and database files an older version left 0755 / 0644', () => {
    const dir = path.join(tempDir(), 'old');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    for (const f of [CATALOG_FILE, LOGS_FILE]) {
      new Database(path.join(dir, f)).close();
      chmodSync(path.join(dir, f), 0o644);
    }
    openStore(dir).close();
    expect(mode(dir)).toBe(0o700);
    for (const f of [CATALOG_FILE, LOGS_FILE]) expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
  });
});

describe('logs.db size', () => {
  it('shrinks after retention trims most of it, and after a clear', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const pages = () => store.logsDb.pragma('page_count', { simple: true }) as number;
    const fileSize = () => {
      store.logsDb.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(path.join(dir, LOGS_FILE)).size;
    };
    for (let b = 0; b < 10; b++)
      store.logs.insertBatch(
        Array.from({ length: 200 }, (_, i) => bigLog(b * 200 + i)),
        10_000,
      );
    const full = fileSize();
    expect(full).toBeGreaterThan(20_000_000);
    const fullPages = pages();

    // Retention drops to 100 rows: the next batch trims 1,900 of them.
    store.logs.insertBatch([bigLog(5000)], 100);
    expect(pages()).toBeLessThan(fullPages / 2);
    const trimmed = fileSize();
    expect(trimmed).toBeLessThan(full / 2);

    store.logs.clearProject('p1');
    expect(fileSize()).toBeLessThan(trimmed);
    store.close();
  });

  it('turns incremental auto-vacuum on for a logs.db made before it', () => {
    const dir = tempDir();
    const old = new Database(path.join(dir, LOGS_FILE));
    old.exec('CREATE TABLE leftover (x)');
    expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
    old.close();
    const store = openStore(dir);
    expect(store.logsDb.pragma('auto_vacuum', { simple: true })).toBe(2);
    store.close();
  });
});
