import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { ensureTeamTables } from './store';

export interface AuditEntry {
  id: string;
  org_id: string;
  user_id: string | null;
  event_type: string;
  description: string;
  metadata: Record<string, unknown>;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
}

interface AuditRow extends Omit<AuditEntry, 'metadata'> {
  metadata: string;
}

/**
 * Records one audit event. Exported for the other route modules (billing checkout, tokens…)
 * so every org-level change can land in the same log.
 */
export function recordAudit(
  ctx: ServerContext,
  e: {
    orgId: string;
    userId: string | null;
    eventType: string;
    description: string;
    metadata?: Record<string, unknown>;
    req?: FastifyRequest;
    at?: string;
  },
): AuditEntry {
  ensureTeamTables(ctx);
  const ua = e.req?.headers['user-agent'];
  const entry: AuditEntry = {
    id: randomUUID(),
    org_id: e.orgId,
    user_id: e.userId,
    event_type: e.eventType,
    description: e.description,
    metadata: e.metadata ?? {},
    ip_address: e.req?.ip ?? null,
    user_agent: typeof ua === 'string' ? ua : null,
    created_at: e.at ?? nowIso(ctx),
  };
  ctx.db
    .stmt(
      `INSERT INTO team_audit_logs (id, org_id, user_id, event_type, description, metadata, ip_address, user_agent, created_at)
       VALUES (@id, @org_id, @user_id, @event_type, @description, @metadata, @ip_address, @user_agent, @created_at)`,
    )
    .run({ ...entry, metadata: JSON.stringify(entry.metadata) });
  return entry;
}

/** Newest first; equal timestamps keep insertion order reversed (seq). */
export function auditPage(
  ctx: ServerContext,
  orgId: string,
  q: { limit: number; offset: number; eventType?: string | undefined; userId?: string | undefined },
): AuditEntry[] {
  ensureTeamTables(ctx);
  const rows = ctx.db
    .stmt(
      `SELECT id, org_id, user_id, event_type, description, metadata, ip_address, user_agent, created_at
       FROM team_audit_logs WHERE org_id = @org
         AND (@type IS NULL OR event_type = @type) AND (@user IS NULL OR user_id = @user)
       ORDER BY created_at DESC, seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({
      org: orgId,
      type: q.eventType ?? null,
      user: q.userId ?? null,
      limit: q.limit,
      offset: q.offset,
    }) as AuditRow[];
  return rows.map((r) => ({ ...r, metadata: JSON.parse(r.metadata) as Record<string, unknown> }));
}
