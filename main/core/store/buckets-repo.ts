import type { DataBucket } from '../../../shared/models';
import type { SqliteDb } from './connection';
import { toBucket, type BucketRow } from './rows';

/** A bucket's current value as stored: JSON text, and when a request last changed it. */
export interface StoredBucketValue {
  value: string;
  updatedAt: string;
}

/** Data buckets (definitions) and their current values (catalog migration 6). */
export class BucketsRepo {
  constructor(private readonly db: SqliteDb) {}

  listByProject(projectId: string): DataBucket[] {
    return (
      this.db
        .prepare('SELECT * FROM data_buckets WHERE project_id = ? ORDER BY sort_order, rowid')
        .all(projectId) as BucketRow[]
    ).map(toBucket);
  }

  get(id: string): DataBucket | undefined {
    const row = this.db.prepare('SELECT * FROM data_buckets WHERE id = ?').get(id) as BucketRow | undefined;
    return row && toBucket(row);
  }

  getByName(projectId: string, name: string): DataBucket | undefined {
    const row = this.db.prepare('SELECT * FROM data_buckets WHERE project_id = ? AND name = ?').get(projectId, name) as
      BucketRow | undefined;
    return row && toBucket(row);
  }

  count(projectId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM data_buckets WHERE project_id = ?').get(projectId) as { n: number }
    ).n;
  }

  nextSortOrder(projectId: string): number {
    const r = this.db
      .prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM data_buckets WHERE project_id = ?')
      .get(projectId) as { n: number };
    return r.n;
  }

  insert(b: DataBucket, sortOrder: number): void {
    this.db
      .prepare(
        `INSERT INTO data_buckets (id, project_id, name, description, content, templated, sort_order, created_at, updated_at)
         VALUES (@id, @projectId, @name, @description, @content, @templated, @sortOrder, @createdAt, @updatedAt)`,
      )
      .run({ ...b, templated: b.templated ? 1 : 0, sortOrder });
  }

  update(b: DataBucket): void {
    this.db
      .prepare(
        `UPDATE data_buckets SET name=@name, description=@description, content=@content, templated=@templated,
           updated_at=@updatedAt WHERE id=@id`,
      )
      .run({ ...b, templated: b.templated ? 1 : 0 });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM data_buckets WHERE id = ?').run(id).changes > 0;
  }

  /** The current value; undefined while the bucket holds its content (never written, or reset). */
  value(bucketId: string): StoredBucketValue | undefined {
    const row = this.db
      .prepare('SELECT value, updated_at FROM data_bucket_values WHERE bucket_id = ?')
      .get(bucketId) as { value: string; updated_at: string } | undefined;
    return row && { value: row.value, updatedAt: row.updated_at };
  }

  /** Current values of a project's buckets that requests have changed, by bucket id. */
  valuesByProject(projectId: string): Map<string, StoredBucketValue> {
    const rows = this.db
      .prepare(
        `SELECT v.bucket_id, v.value, v.updated_at FROM data_bucket_values v
         JOIN data_buckets b ON b.id = v.bucket_id WHERE b.project_id = ?`,
      )
      .all(projectId) as { bucket_id: string; value: string; updated_at: string }[];
    return new Map(rows.map((r) => [r.bucket_id, { value: r.value, updatedAt: r.updated_at }]));
  }

  /** Stores a current value; false when the bucket is gone (deleted meanwhile). */
  setValue(bucketId: string, value: string, updatedAt: string): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO data_bucket_values (bucket_id, value, updated_at)
           SELECT id, ?, ? FROM data_buckets WHERE id = ?
           ON CONFLICT (bucket_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(value, updatedAt, bucketId).changes > 0
    );
  }

  clearValue(bucketId: string): void {
    this.db.prepare('DELETE FROM data_bucket_values WHERE bucket_id = ?').run(bucketId);
  }
}
