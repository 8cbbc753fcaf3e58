import type { Federation, FederationService } from '../../../shared/models';
import type { SqliteDb } from '../store/connection';

interface FederationRow {
  id: string;
  name: string;
  description: string;
  org_id: string | null;
  services: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: FederationRow): Federation => ({
  id: r.id,
  name: r.name,
  description: r.description,
  org_id: r.org_id,
  services: JSON.parse(r.services) as FederationService[],
  created_at: r.created_at,
  updated_at: r.updated_at,
});

/** The federations table (catalog migration 10); the services travel as one JSON column. */
export class FederationsRepo {
  constructor(private readonly db: SqliteDb) {}

  list(filter: { orgId?: string | undefined; limit: number; offset: number }): Federation[] {
    const where = filter.orgId === undefined ? '' : 'WHERE org_id = @orgId';
    const rows = this.db
      .prepare(`SELECT * FROM federations ${where} ORDER BY created_at, name LIMIT @limit OFFSET @offset`)
      .all({ orgId: filter.orgId, limit: filter.limit, offset: filter.offset }) as FederationRow[];
    return rows.map(fromRow);
  }

  get(id: string): Federation | undefined {
    const row = this.db.prepare('SELECT * FROM federations WHERE id = ?').get(id) as FederationRow | undefined;
    return row && fromRow(row);
  }

  byName(name: string): Federation | undefined {
    const row = this.db.prepare('SELECT * FROM federations WHERE name = ?').get(name) as FederationRow | undefined;
    return row && fromRow(row);
  }

  insert(f: Federation): void {
    this.db
      .prepare(
        `INSERT INTO federations (id, name, description, org_id, services, created_at, updated_at)
         VALUES (@id, @name, @description, @org_id, @services, @created_at, @updated_at)`,
      )
      .run({ ...f, services: JSON.stringify(f.services) });
  }

  update(f: Federation): void {
    this.db
      .prepare(
        `UPDATE federations SET name = @name, description = @description, org_id = @org_id,
         services = @services, updated_at = @updated_at WHERE id = @id`,
      )
      .run({ ...f, services: JSON.stringify(f.services) });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM federations WHERE id = ?').run(id).changes > 0;
  }
}
