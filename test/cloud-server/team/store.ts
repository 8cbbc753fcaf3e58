import { randomBytes } from 'node:crypto';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import type { OrgRole } from '../orgs/store';

/**
 * What MockBird §1–2 adds to the cloud's users and orgs: display names, membership ids,
 * invitations and the audit log. Kept in tables of their own (created on first use) so the
 * core schema stays the MockForge one.
 */
const TABLES = [
  `CREATE TABLE IF NOT EXISTS team_profiles (
     user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
     first_name TEXT, last_name TEXT, image_url TEXT)`,
  `CREATE TABLE IF NOT EXISTS team_memberships (
     id TEXT PRIMARY KEY, org_id TEXT NOT NULL, user_id TEXT NOT NULL, UNIQUE (org_id, user_id))`,
  `CREATE TABLE IF NOT EXISTS team_invitations (
     id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
     email TEXT NOT NULL COLLATE NOCASE, role TEXT NOT NULL, status TEXT NOT NULL,
     invited_by TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS team_audit_logs (
     seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, org_id TEXT NOT NULL,
     user_id TEXT, event_type TEXT NOT NULL, description TEXT NOT NULL, metadata TEXT NOT NULL,
     ip_address TEXT, user_agent TEXT, created_at TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS team_audit_org ON team_audit_logs(org_id, created_at, seq)',
];

const ready = new WeakSet<ServerContext>();
export function ensureTeamTables(ctx: ServerContext): void {
  if (ready.has(ctx)) return;
  for (const sql of TABLES) ctx.db.stmt(sql).run();
  ready.add(ctx);
}

const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** MockBird names roles the Clerk way; the cloud stores owner/admin/member. */
export const wireRole = (role: OrgRole): string => `org:${role}`;
export const ASSIGNABLE_ROLES = ['org:member', 'org:admin'] as const;
export const storedRole = (wire: (typeof ASSIGNABLE_ROLES)[number]): OrgRole =>
  wire === 'org:admin' ? 'admin' : 'member';

export interface Profile {
  first_name: string | null;
  last_name: string | null;
  image_url: string | null;
}

export function profileOf(ctx: ServerContext, userId: string): Profile {
  ensureTeamTables(ctx);
  const row = ctx.db
    .stmt('SELECT first_name, last_name, image_url FROM team_profiles WHERE user_id = ?')
    .get(userId) as Profile | undefined;
  return row ?? { first_name: null, last_name: null, image_url: null };
}

export function setProfile(
  ctx: ServerContext,
  userId: string,
  patch: { firstName?: string; lastName?: string },
): Profile {
  const cur = profileOf(ctx, userId);
  const next: Profile = {
    first_name: patch.firstName ?? cur.first_name,
    last_name: patch.lastName ?? cur.last_name,
    image_url: cur.image_url,
  };
  ctx.db
    .stmt(
      `INSERT INTO team_profiles (user_id, first_name, last_name, image_url) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name`,
    )
    .run(userId, next.first_name, next.last_name, next.image_url);
  return next;
}

/** "First Last", or the username for someone who never set a name. */
export function displayName(p: Profile, username: string): string {
  const name = [p.first_name, p.last_name].filter((s) => s && s.length > 0).join(' ');
  return name || username;
}

/** The membership's id, made the first time anyone asks for it. */
export function membershipId(ctx: ServerContext, orgId: string, userId: string): string {
  ensureTeamTables(ctx);
  ctx.db
    .stmt('INSERT OR IGNORE INTO team_memberships (id, org_id, user_id) VALUES (?, ?, ?)')
    .run(newId('mem'), orgId, userId);
  return (
    ctx.db.stmt('SELECT id FROM team_memberships WHERE org_id = ? AND user_id = ?').get(orgId, userId) as { id: string }
  ).id;
}

export interface MembershipRow {
  membership_id: string;
  org_id: string;
  user_id: string;
  role: OrgRole;
  joined_at: string;
  username: string;
  email: string;
}

export function findMembership(ctx: ServerContext, orgId: string, id: string): MembershipRow | undefined {
  ensureTeamTables(ctx);
  return ctx.db
    .stmt(
      `SELECT t.id AS membership_id, m.org_id, m.user_id, m.role, m.joined_at, u.username, u.email
       FROM team_memberships t JOIN members m ON m.org_id = t.org_id AND m.user_id = t.user_id
       JOIN users u ON u.id = m.user_id WHERE t.org_id = ? AND t.id = ?`,
    )
    .get(orgId, id) as MembershipRow | undefined;
}

export function roleIn(ctx: ServerContext, orgId: string, userId: string): OrgRole | null {
  const row = ctx.db.stmt('SELECT role FROM members WHERE org_id = ? AND user_id = ?').get(orgId, userId) as
    { role: OrgRole } | undefined;
  return row?.role ?? null;
}

export const memberCount = (ctx: ServerContext, orgId: string): number =>
  (ctx.db.stmt('SELECT COUNT(*) AS n FROM members WHERE org_id = ?').get(orgId) as { n: number }).n;

export function memberPage(
  ctx: ServerContext,
  orgId: string,
  limit: number,
  offset: number,
): { rows: Array<Omit<MembershipRow, 'membership_id'>>; total: number } {
  const total = memberCount(ctx, orgId);
  const rows = ctx.db
    .stmt(
      `SELECT m.org_id, m.user_id, m.role, m.joined_at, u.username, u.email FROM members m
       JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ORDER BY m.joined_at, m.rowid LIMIT ? OFFSET ?`,
    )
    .all(orgId, limit, offset) as Array<Omit<MembershipRow, 'membership_id'>>;
  return { rows, total };
}

export function setRole(ctx: ServerContext, orgId: string, userId: string, role: OrgRole): void {
  ctx.db.stmt('UPDATE members SET role = ? WHERE org_id = ? AND user_id = ?').run(role, orgId, userId);
}

export function removeMember(ctx: ServerContext, orgId: string, userId: string): void {
  ctx.db.tx(() => {
    ctx.db.stmt('DELETE FROM members WHERE org_id = ? AND user_id = ?').run(orgId, userId);
    ctx.db.stmt('DELETE FROM team_memberships WHERE org_id = ? AND user_id = ?').run(orgId, userId);
  });
}

export interface InvitationRow {
  id: string;
  org_id: string;
  email: string;
  role: OrgRole;
  status: 'pending' | 'accepted';
  invited_by: string;
  created_at: string;
}

/** A second invitation to a pending address replaces the first one's role. */
export function invite(
  ctx: ServerContext,
  input: { orgId: string; email: string; role: OrgRole; invitedBy: string },
): InvitationRow {
  ensureTeamTables(ctx);
  const pending = ctx.db
    .stmt("SELECT * FROM team_invitations WHERE org_id = ? AND email = ? AND status = 'pending'")
    .get(input.orgId, input.email) as InvitationRow | undefined;
  if (pending) {
    ctx.db.stmt('UPDATE team_invitations SET role = ? WHERE id = ?').run(input.role, pending.id);
    return { ...pending, role: input.role };
  }
  const row: InvitationRow = {
    id: newId('inv'),
    org_id: input.orgId,
    email: input.email,
    role: input.role,
    status: 'pending',
    invited_by: input.invitedBy,
    created_at: nowIso(ctx),
  };
  ctx.db
    .stmt(
      `INSERT INTO team_invitations (id, org_id, email, role, status, invited_by, created_at)
       VALUES (@id, @org_id, @email, @role, @status, @invited_by, @created_at)`,
    )
    .run(row);
  return row;
}

export const pendingInvitationCount = (ctx: ServerContext, orgId: string): number => {
  ensureTeamTables(ctx);
  return (
    ctx.db.stmt("SELECT COUNT(*) AS n FROM team_invitations WHERE org_id = ? AND status = 'pending'").get(orgId) as {
      n: number;
    }
  ).n;
};

/** Pending invitations for this address, oldest first (accepted when the invitee signs in). */
export function pendingInvitationsFor(ctx: ServerContext, email: string): InvitationRow[] {
  ensureTeamTables(ctx);
  return ctx.db
    .stmt("SELECT * FROM team_invitations WHERE email = ? AND status = 'pending' ORDER BY created_at, rowid")
    .all(email) as InvitationRow[];
}

export function markAccepted(ctx: ServerContext, id: string): void {
  ctx.db.stmt("UPDATE team_invitations SET status = 'accepted' WHERE id = ?").run(id);
}
