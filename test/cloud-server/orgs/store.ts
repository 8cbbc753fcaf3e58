import { randomUUID } from 'node:crypto';
import { slugify } from '../../../shared/models';
import type { PlanName } from '../billing/plans';
import type { ServerContext } from '../context';
import { nowIso } from '../context';

export interface OrgRow {
  id: string;
  name: string;
  slug: string;
  plan: PlanName;
  owner_id: string;
  personal: 0 | 1;
  created_at: string;
}

export type OrgRole = 'owner' | 'admin' | 'member';

export function createOrg(
  ctx: ServerContext,
  input: { name: string; slugBase: string; ownerId: string; personal: boolean },
): OrgRow {
  const row: OrgRow = {
    id: randomUUID(),
    name: input.name,
    slug: uniqueOrgSlug(ctx, slugify(input.slugBase)),
    plan: ctx.plan,
    owner_id: input.ownerId,
    personal: input.personal ? 1 : 0,
    created_at: nowIso(ctx),
  };
  ctx.db
    .stmt(
      'INSERT INTO orgs (id, name, slug, plan, owner_id, personal, created_at) VALUES (@id, @name, @slug, @plan, @owner_id, @personal, @created_at)',
    )
    .run(row);
  addMember(ctx, row.id, input.ownerId, 'owner');
  return row;
}

function uniqueOrgSlug(ctx: ServerContext, base: string): string {
  const taken = ctx.db.stmt('SELECT 1 FROM orgs WHERE slug = ?');
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!taken.get(slug)) return slug;
  }
}

export function addMember(ctx: ServerContext, orgId: string, userId: string, role: OrgRole): void {
  ctx.db
    .stmt('INSERT OR REPLACE INTO members (org_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)')
    .run(orgId, userId, role, nowIso(ctx));
}

export const getOrg = (ctx: ServerContext, id: string): OrgRow | undefined =>
  ctx.db.stmt('SELECT * FROM orgs WHERE id = ?').get(id) as OrgRow | undefined;

export const getOrgBySlug = (ctx: ServerContext, slug: string): OrgRow | undefined =>
  ctx.db.stmt('SELECT * FROM orgs WHERE slug = ?').get(slug) as OrgRow | undefined;

export const isMember = (ctx: ServerContext, orgId: string, userId: string): boolean =>
  ctx.db.stmt('SELECT 1 FROM members WHERE org_id = ? AND user_id = ?').get(orgId, userId) !== undefined;

export const orgsOfUser = (ctx: ServerContext, userId: string): OrgRow[] =>
  ctx.db
    .stmt(
      'SELECT o.* FROM orgs o JOIN members m ON m.org_id = o.id WHERE m.user_id = ? ORDER BY o.personal DESC, o.created_at, o.rowid',
    )
    .all(userId) as OrgRow[];

/** The org a JWT request acts in when it sends no X-Org-Id: the user's personal org. */
export const personalOrg = (ctx: ServerContext, userId: string): OrgRow | undefined =>
  ctx.db.stmt('SELECT * FROM orgs WHERE owner_id = ? AND personal = 1').get(userId) as OrgRow | undefined;

export function setPlan(ctx: ServerContext, orgId: string, plan: PlanName): void {
  ctx.db.stmt('UPDATE orgs SET plan = ? WHERE id = ?').run(plan, orgId);
}

export interface MemberRow {
  user_id: string;
  username: string;
  email: string;
  role: OrgRole;
  joined_at: string;
}

export const membersOf = (ctx: ServerContext, orgId: string): MemberRow[] =>
  ctx.db
    .stmt(
      'SELECT m.user_id, u.username, u.email, m.role, m.joined_at FROM members m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ORDER BY m.joined_at, m.rowid',
    )
    .all(orgId) as MemberRow[];

export function toWireOrg(o: OrgRow): {
  id: string;
  name: string;
  slug: string;
  plan: PlanName;
  owner_id: string;
  created_at: string;
} {
  return { id: o.id, name: o.name, slug: o.slug, plan: o.plan, owner_id: o.owner_id, created_at: o.created_at };
}
