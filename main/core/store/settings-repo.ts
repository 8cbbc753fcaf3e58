import type { SqliteDb } from './connection';

/** The default request-log retention chosen on the Settings screen (requestLogs.setDefaultRetention). */
export const LOG_RETENTION_SETTING = 'logs.retention';

/** Small key/value settings of the local app (never secrets: those live in the keychain). */
export class SettingsRepo {
  constructor(private readonly db: SqliteDb) {}

  get(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }
}
