import type { InstalledItem, MarketKind } from '../../../shared/models';
import type { SqliteDb } from '../store/connection';

interface Row {
  kind: string;
  name: string;
  version: string;
  project_id: string | null;
  source: string;
  installed_at: string;
}

const item = (r: Row): InstalledItem => ({
  kind: r.kind as MarketKind,
  name: r.name,
  version: r.version,
  projectId: r.project_id,
  installedAt: r.installed_at,
  source: r.source,
});

/** market_installs (catalog migration 13): what was installed, for "update available" badges. */
export class InstalledRepo {
  constructor(private readonly db: SqliteDb) {}

  record(i: InstalledItem): void {
    this.db
      .prepare(
        `INSERT INTO market_installs (kind, name, version, project_id, source, installed_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, name) DO UPDATE SET version = excluded.version, project_id = excluded.project_id,
           source = excluded.source, installed_at = excluded.installed_at`,
      )
      .run(i.kind, i.name, i.version, i.projectId, i.source, i.installedAt);
  }

  list(): InstalledItem[] {
    return (this.db.prepare('SELECT * FROM market_installs ORDER BY kind, name').all() as Row[]).map(item);
  }

  get(kind: MarketKind, name: string): InstalledItem | null {
    const r = this.db.prepare('SELECT * FROM market_installs WHERE kind = ? AND name = ?').get(kind, name) as
      Row | undefined;
    return r ? item(r) : null;
  }

  remove(kind: MarketKind, name: string): boolean {
    return this.db.prepare('DELETE FROM market_installs WHERE kind = ? AND name = ?').run(kind, name).changes > 0;
  }
}
