import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ServerContext } from '../context';
import { nowIso } from '../context';

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface TokenRow {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string;
  expires_at: string | null;
  last_used_at: string | null;
  created_at: string;
}

/** Older than this many days → needs_rotation. */
export const ROTATION_AGE_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

// Only the hash is stored, so a leaked database never yields usable tokens.
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function insertToken(
  ctx: ServerContext,
  input: { orgId: string; userId: string; name: string; scopes: readonly string[]; expiresAt: string | null },
): { row: TokenRow; token: string } {
  const token = `mfx_${randomBytes(24).toString('base64url')}`;
  const row: TokenRow = {
    id: randomUUID(),
    org_id: input.orgId,
    user_id: input.userId,
    name: input.name,
    token_hash: hashToken(token),
    token_prefix: token.slice(0, 8),
    scopes: JSON.stringify(input.scopes),
    expires_at: input.expiresAt,
    last_used_at: null,
    created_at: nowIso(ctx),
  };
  ctx.db
    .stmt(
      `INSERT INTO api_tokens (id, org_id, user_id, name, token_hash, token_prefix, scopes, expires_at, last_used_at, created_at)
       VALUES (@id, @org_id, @user_id, @name, @token_hash, @token_prefix, @scopes, @expires_at, @last_used_at, @created_at)`,
    )
    .run(row);
  return { row, token };
}

export const findTokenByValue = (ctx: ServerContext, token: string): TokenRow | undefined =>
  ctx.db.stmt('SELECT * FROM api_tokens WHERE token_hash = ?').get(hashToken(token)) as TokenRow | undefined;

export const getToken = (ctx: ServerContext, id: string, orgId: string): TokenRow | undefined =>
  ctx.db.stmt('SELECT * FROM api_tokens WHERE id = ? AND org_id = ?').get(id, orgId) as TokenRow | undefined;

export const listTokens = (ctx: ServerContext, orgId: string): TokenRow[] =>
  ctx.db.stmt('SELECT * FROM api_tokens WHERE org_id = ? ORDER BY created_at, rowid').all(orgId) as TokenRow[];

export const deleteToken = (ctx: ServerContext, id: string): void => {
  ctx.db.stmt('DELETE FROM api_tokens WHERE id = ?').run(id);
};

export const touchToken = (ctx: ServerContext, id: string): void => {
  ctx.db.stmt('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(nowIso(ctx), id);
};

export function ageDays(ctx: ServerContext, row: TokenRow): number {
  return Math.max(0, Math.floor((ctx.clock.now().getTime() - Date.parse(row.created_at)) / DAY_MS));
}

export const needsRotation = (ctx: ServerContext, row: TokenRow): boolean => ageDays(ctx, row) > ROTATION_AGE_DAYS;

export const isExpired = (ctx: ServerContext, row: TokenRow): boolean =>
  row.expires_at !== null && Date.parse(row.expires_at) <= ctx.clock.now().getTime();

export const scopesOf = (row: TokenRow): string[] => JSON.parse(row.scopes) as string[];

/** Test helper: pretend the token was created `days` days earlier. */
export function backdateToken(ctx: ServerContext, id: string, days: number): void {
  const row = ctx.db.stmt('SELECT created_at FROM api_tokens WHERE id = ?').get(id) as
    { created_at: string } | undefined;
  if (!row) throw new Error(`no API token ${id}`);
  const created = new Date(Date.parse(row.created_at) - days * DAY_MS).toISOString();
  ctx.db.stmt('UPDATE api_tokens SET created_at = ? WHERE id = ?').run(created, id);
}
