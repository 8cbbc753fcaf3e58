import type { SqliteDb } from './connection';
import type { SyncKind } from './sync-links-repo';

/**
 * Both sides changed one entity since the last sync. Both versions are kept here until the
 * user decides; null means "deleted on that side". JSON columns hold sync content objects.
 */
export interface SyncConflictRow {
  id: string;
  scope: string;
  kind: SyncKind;
  localId: string;
  remoteId: string;
  rootLocalId: string;
  parentLocalId: string | null;
  label: string;
  baseJson: string | null;
  mineJson: string | null;
  theirsJson: string | null;
  /** The cloud copy's children (a mock's responses, a project's mocks) for "keep both". */
  theirsChildrenJson: string | null;
  detectedAt: string;
}

interface Row {
  id: string;
  scope: string;
  kind: SyncKind;
  local_id: string;
  remote_id: string;
  root_local_id: string;
  parent_local_id: string | null;
  label: string;
  base_json: string | null;
  mine_json: string | null;
  theirs_json: string | null;
  theirs_children_json: string | null;
  detected_at: string;
}

const toConflict = (r: Row): SyncConflictRow => ({
  id: r.id,
  scope: r.scope,
  kind: r.kind,
  localId: r.local_id,
  remoteId: r.remote_id,
  rootLocalId: r.root_local_id,
  parentLocalId: r.parent_local_id,
  label: r.label,
  baseJson: r.base_json,
  mineJson: r.mine_json,
  theirsJson: r.theirs_json,
  theirsChildrenJson: r.theirs_children_json,
  detectedAt: r.detected_at,
});

export class SyncConflictsRepo {
  constructor(private readonly db: SqliteDb) {}

  list(scope: string): SyncConflictRow[] {
    return (
      this.db.prepare('SELECT * FROM sync_conflicts WHERE scope = ? ORDER BY detected_at, rowid').all(scope) as Row[]
    ).map(toConflict);
  }

  get(id: string): SyncConflictRow | undefined {
    const r = this.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as Row | undefined;
    return r && toConflict(r);
  }

  find(scope: string, kind: SyncKind, localId: string): SyncConflictRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM sync_conflicts WHERE scope = ? AND kind = ? AND local_id = ?')
      .get(scope, kind, localId) as Row | undefined;
    return r && toConflict(r);
  }

  /** Keeps the id (and detection time) of an existing conflict on the same entity. */
  upsert(c: SyncConflictRow): void {
    this.db
      .prepare(
        `INSERT INTO sync_conflicts (id, scope, kind, local_id, remote_id, root_local_id, parent_local_id, label, base_json,
           mine_json, theirs_json, theirs_children_json, detected_at)
         VALUES (@id, @scope, @kind, @localId, @remoteId, @rootLocalId, @parentLocalId, @label, @baseJson, @mineJson,
           @theirsJson, @theirsChildrenJson, @detectedAt)
         ON CONFLICT (scope, kind, local_id) DO UPDATE SET remote_id = excluded.remote_id, label = excluded.label,
           base_json = excluded.base_json, mine_json = excluded.mine_json, theirs_json = excluded.theirs_json,
           theirs_children_json = excluded.theirs_children_json`,
      )
      .run(c);
  }

  delete(scope: string, kind: SyncKind, localId: string): void {
    this.db
      .prepare('DELETE FROM sync_conflicts WHERE scope = ? AND kind = ? AND local_id = ?')
      .run(scope, kind, localId);
  }

  /** Drops the conflicts of an entity and of everything below it (its links are gone too). */
  deleteTree(scope: string, kind: SyncKind, localId: string): void {
    if (kind === 'project') {
      this.db.prepare('DELETE FROM sync_conflicts WHERE scope = ? AND root_local_id = ?').run(scope, localId);
      return;
    }
    if (kind === 'mock') {
      this.db
        .prepare("DELETE FROM sync_conflicts WHERE scope = ? AND kind = 'response' AND parent_local_id = ?")
        .run(scope, localId);
    }
    this.delete(scope, kind, localId);
  }

  count(scope: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM sync_conflicts WHERE scope = ?').get(scope) as { n: number }).n;
  }

  /** Drops the open conflicts of every organization on one cloud server (see SyncLinksRepo.forgetServer). */
  forgetServer(baseUrl: string): void {
    const prefix = `${baseUrl}#`;
    this.db.prepare('DELETE FROM sync_conflicts WHERE substr(scope, 1, length(?)) = ?').run(prefix, prefix);
  }
}
