import type { SqliteDb } from './connection';

export type SyncKind = 'project' | 'mock' | 'response';

/** A local entity's tie to its cloud twin. `remoteId` null = a create was sent but not confirmed. */
export interface SyncLink {
  scope: string;
  kind: SyncKind;
  localId: string;
  remoteId: string | null;
  parentLocalId: string | null;
  rootLocalId: string;
  /** Fingerprint of the content both sides had at the last sync. */
  baseHash: string | null;
  baseJson: string | null;
  /** Fingerprint of the content of an unconfirmed create, to recognise it in a re-list. */
  pendingHash: string | null;
  syncedAt: string | null;
}

interface Row {
  scope: string;
  kind: SyncKind;
  local_id: string;
  remote_id: string | null;
  parent_local_id: string | null;
  root_local_id: string;
  base_hash: string | null;
  base_json: string | null;
  pending_hash: string | null;
  synced_at: string | null;
}

const toLink = (r: Row): SyncLink => ({
  scope: r.scope,
  kind: r.kind,
  localId: r.local_id,
  remoteId: r.remote_id,
  parentLocalId: r.parent_local_id,
  rootLocalId: r.root_local_id,
  baseHash: r.base_hash,
  baseJson: r.base_json,
  pendingHash: r.pending_hash,
  syncedAt: r.synced_at,
});

export class SyncLinksRepo {
  constructor(private readonly db: SqliteDb) {}

  get(scope: string, kind: SyncKind, localId: string): SyncLink | undefined {
    const r = this.db
      .prepare('SELECT * FROM sync_links WHERE scope = ? AND kind = ? AND local_id = ?')
      .get(scope, kind, localId) as Row | undefined;
    return r && toLink(r);
  }

  /** Links of one collection: projects (parent null) or the children of one parent. */
  children(scope: string, kind: SyncKind, parentLocalId: string | null): SyncLink[] {
    const rows = this.db
      .prepare('SELECT * FROM sync_links WHERE scope = ? AND kind = ? AND parent_local_id IS ? ORDER BY rowid')
      .all(scope, kind, parentLocalId) as Row[];
    return rows.map(toLink);
  }

  upsert(l: SyncLink): void {
    this.db
      .prepare(
        `INSERT INTO sync_links (scope, kind, local_id, remote_id, parent_local_id, root_local_id, base_hash, base_json, pending_hash, synced_at)
         VALUES (@scope, @kind, @localId, @remoteId, @parentLocalId, @rootLocalId, @baseHash, @baseJson, @pendingHash, @syncedAt)
         ON CONFLICT (scope, kind, local_id) DO UPDATE SET remote_id = excluded.remote_id, parent_local_id = excluded.parent_local_id,
           root_local_id = excluded.root_local_id, base_hash = excluded.base_hash, base_json = excluded.base_json,
           pending_hash = excluded.pending_hash, synced_at = excluded.synced_at`,
      )
      .run(l);
  }

  /** Drops a link and every link below it (a project's mocks and responses, a mock's responses). */
  deleteTree(scope: string, kind: SyncKind, localId: string): void {
    if (kind === 'project') {
      this.db.prepare('DELETE FROM sync_links WHERE scope = ? AND root_local_id = ?').run(scope, localId);
      return;
    }
    if (kind === 'mock')
      this.db
        .prepare("DELETE FROM sync_links WHERE scope = ? AND kind = 'response' AND parent_local_id = ?")
        .run(scope, localId);
    this.db.prepare('DELETE FROM sync_links WHERE scope = ? AND kind = ? AND local_id = ?').run(scope, kind, localId);
  }

  all(scope: string): SyncLink[] {
    return (this.db.prepare('SELECT * FROM sync_links WHERE scope = ? ORDER BY rowid').all(scope) as Row[]).map(toLink);
  }

  lastSync(scope: string): { lastSyncedAt: string | null; lastError: string | null } {
    const r = this.db.prepare('SELECT last_synced_at, last_error FROM sync_state WHERE scope = ?').get(scope) as
      { last_synced_at: string | null; last_error: string | null } | undefined;
    return { lastSyncedAt: r?.last_synced_at ?? null, lastError: r?.last_error ?? null };
  }

  recordSync(scope: string, at: string | null, error: string | null): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (scope, last_synced_at, last_error) VALUES (?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET last_synced_at = COALESCE(excluded.last_synced_at, last_synced_at), last_error = excluded.last_error`,
      )
      .run(scope, at, error);
  }

  /**
   * Forgets everything synced with one cloud server (every organization on it: scopes are
   * `<baseUrl>#<org>`): its links and its sync state. Returns how many links were dropped.
   */
  forgetServer(baseUrl: string): number {
    const prefix = `${baseUrl}#`;
    const inScope = 'substr(scope, 1, length(?)) = ?';
    this.db.prepare(`DELETE FROM sync_state WHERE ${inScope}`).run(prefix, prefix);
    return this.db.prepare(`DELETE FROM sync_links WHERE ${inScope}`).run(prefix, prefix).changes;
  }
}
