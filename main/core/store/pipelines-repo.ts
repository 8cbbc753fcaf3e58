import type {
  ExecutionStatus,
  Pipeline,
  PipelineDefinition,
  PipelineEvent,
  PipelineExecution,
  PipelineStats,
  StepLog,
} from '../../../shared/models/pipeline';
import type { SqliteDb } from './connection';

interface PipelineRow {
  id: string;
  name: string;
  definition: string;
  enabled: number;
  workspace_id: string | null;
  org_id: string | null;
  created_at: string;
  updated_at: string;
}

interface ExecutionRow {
  seq: number;
  id: string;
  pipeline_id: string;
  trigger_event: string;
  status: string;
  started_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  error_message: string | null;
  execution_log: string;
}

const toPipeline = (r: PipelineRow): Pipeline => ({
  id: r.id,
  name: r.name,
  definition: JSON.parse(r.definition) as PipelineDefinition,
  workspace_id: r.workspace_id,
  org_id: r.org_id,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

const toExecution = (r: ExecutionRow): PipelineExecution => ({
  id: r.id,
  pipeline_id: r.pipeline_id,
  trigger_event: JSON.parse(r.trigger_event) as PipelineEvent,
  status: r.status as ExecutionStatus,
  started_at: r.started_at,
  completed_at: r.completed_at,
  error_message: r.error_message,
  execution_log: JSON.parse(r.execution_log) as StepLog[],
});

/** `WHERE a = ? AND b = ?` for the given (defined) columns; the names are this file's constants, never input. */
function conditions(eq: Record<string, string | number | undefined>): { where: string; args: (string | number)[] } {
  const given = Object.entries(eq).filter((e): e is [string, string | number] => e[1] !== undefined);
  return {
    where: given.length ? `WHERE ${given.map(([c]) => `${c} = ?`).join(' AND ')}` : '',
    args: given.map(([, v]) => v),
  };
}

/** Rows of pipelines, their executions and the outbox cursors (catalog migration 11). */
export class PipelinesRepo {
  constructor(private readonly db: SqliteDb) {}

  insert(p: Pipeline): void {
    this.db
      .prepare(
        `INSERT INTO pipelines (id, name, definition, enabled, workspace_id, org_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.id,
        p.name,
        JSON.stringify(p.definition),
        p.definition.enabled ? 1 : 0,
        p.workspace_id,
        p.org_id,
        p.created_at,
        p.updated_at,
      );
  }

  update(p: Pipeline): void {
    this.db
      .prepare('UPDATE pipelines SET name = ?, definition = ?, enabled = ?, updated_at = ? WHERE id = ?')
      .run(p.name, JSON.stringify(p.definition), p.definition.enabled ? 1 : 0, p.updated_at, p.id);
  }

  get(id: string): Pipeline | null {
    const r = this.db.prepare('SELECT * FROM pipelines WHERE id = ?').get(id) as PipelineRow | undefined;
    return r ? toPipeline(r) : null;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM pipelines WHERE id = ?').run(id).changes > 0;
  }

  list(q: { workspaceId?: string; orgId?: string; enabled?: boolean; limit: number; offset: number }): Pipeline[] {
    const { where, args } = conditions({
      workspace_id: q.workspaceId,
      org_id: q.orgId,
      enabled: q.enabled === undefined ? undefined : q.enabled ? 1 : 0,
    });
    const sql = `SELECT * FROM pipelines ${where}
      ORDER BY created_at, id LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...args, q.limit, q.offset) as PipelineRow[]).map(toPipeline);
  }

  /** Enabled pipelines that listen to `eventType` (filters are matched by the caller). */
  enabledFor(eventType: string): Pipeline[] {
    const rows = this.db
      .prepare('SELECT * FROM pipelines WHERE enabled = 1 ORDER BY created_at, id')
      .all() as PipelineRow[];
    return rows.map(toPipeline).filter((p) => p.definition.triggers.some((t) => t.event === eventType));
  }

  insertExecution(e: PipelineExecution): void {
    this.db
      .prepare(
        `INSERT INTO pipeline_executions (id, pipeline_id, trigger_event, status, started_at, completed_at, error_message, execution_log)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.id,
        e.pipeline_id,
        JSON.stringify(e.trigger_event),
        e.status,
        e.started_at,
        e.completed_at,
        e.error_message,
        JSON.stringify(e.execution_log),
      );
  }

  /** Writes the execution's progress (status, log, end). */
  saveExecution(e: PipelineExecution, durationMs: number | null): void {
    this.db
      .prepare(
        `UPDATE pipeline_executions SET status = ?, completed_at = ?, duration_ms = ?, error_message = ?, execution_log = ?
         WHERE id = ?`,
      )
      .run(e.status, e.completed_at, durationMs, e.error_message, JSON.stringify(e.execution_log), e.id);
  }

  getExecution(id: string): PipelineExecution | null {
    const r = this.db.prepare('SELECT * FROM pipeline_executions WHERE id = ?').get(id) as ExecutionRow | undefined;
    return r ? toExecution(r) : null;
  }

  /** Newest first. */
  listExecutions(q: { pipelineId?: string; status?: string; limit: number; offset: number }): PipelineExecution[] {
    const { where, args } = conditions({ pipeline_id: q.pipelineId, status: q.status });
    const sql = `SELECT * FROM pipeline_executions ${where}
      ORDER BY seq DESC LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...args, q.limit, q.offset) as ExecutionRow[]).map(toExecution);
  }

  /** Executions waiting to run, oldest first. */
  queued(limit: number): PipelineExecution[] {
    const rows = this.db
      .prepare("SELECT * FROM pipeline_executions WHERE status = 'started' ORDER BY seq LIMIT ?")
      .all(limit) as ExecutionRow[];
    return rows.map(toExecution);
  }

  /**
   * Executions a previous process left `running` (it was killed mid-step): they go back to
   * the queue, since steps are written to be re-run (a webhook is delivered at least once).
   */
  requeueInterrupted(): number {
    return this.db
      .prepare("UPDATE pipeline_executions SET status = 'started', execution_log = '[]' WHERE status = 'running'")
      .run().changes;
  }

  stats(pipelineId: string): PipelineStats {
    const r = this.db
      .prepare(
        `SELECT COUNT(*) AS total,
                SUM(status = 'completed') AS ok,
                SUM(status = 'failed') AS failed,
                MAX(started_at) AS last,
                AVG(duration_ms) AS avg
         FROM pipeline_executions WHERE pipeline_id = ?`,
      )
      .get(pipelineId) as {
      total: number;
      ok: number | null;
      failed: number | null;
      last: string | null;
      avg: number | null;
    };
    return {
      pipeline_id: pipelineId,
      total_executions: r.total,
      successful_executions: r.ok ?? 0,
      failed_executions: r.failed ?? 0,
      last_execution_at: r.last,
      average_duration_ms: r.avg === null ? null : Math.round(r.avg),
    };
  }

  /** Keeps the newest `keep` executions of a pipeline, so a busy trigger cannot fill the disk. */
  pruneExecutions(pipelineId: string, keep: number): void {
    this.db
      .prepare(
        `DELETE FROM pipeline_executions WHERE pipeline_id = ? AND status IN ('completed', 'failed', 'cancelled')
         AND seq < (SELECT MIN(seq) FROM (SELECT seq FROM pipeline_executions WHERE pipeline_id = ? ORDER BY seq DESC LIMIT ?))`,
      )
      .run(pipelineId, pipelineId, keep);
  }

  cursor(consumer: string): number | null {
    const r = this.db.prepare('SELECT last_seq FROM outbox_cursors WHERE consumer = ?').get(consumer) as
      { last_seq: number } | undefined;
    return r ? r.last_seq : null;
  }

  setCursor(consumer: string, seq: number, at: string): void {
    this.db
      .prepare(
        `INSERT INTO outbox_cursors (consumer, last_seq, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(consumer) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
      )
      .run(consumer, seq, at);
  }
}
