import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PLAN_LIMITS } from '../billing/plans';
import type { ServerContext } from '../context';
import { CloudError, conflict, notFound, parseBody, permissionDenied, resourceLimit } from '../http/errors';
import type { Principal } from '../http/principal';
import { currentOrg, requireAuth } from '../http/principal';
import type { OrgRole, OrgRow } from '../orgs/store';
import { createOrg, getOrg, getOrgBySlug, isMember } from '../orgs/store';
import { auditPage, recordAudit } from './audit';
import {
  ASSIGNABLE_ROLES,
  findMembership,
  invite,
  memberCount,
  memberPage,
  membershipId,
  pendingInvitationCount,
  removeMember,
  roleIn,
  setProfile,
  setRole,
  storedRole,
  wireRole,
} from './store';
import { acceptPendingInvitations, meBody, memberBody, mockbirdOrg, profileBody } from './wire';
import { getUser } from '../auth/users';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const profileSchema = z
  .object({
    firstName: z.string().trim().min(1, 'firstName must not be empty').max(100).optional(),
    lastName: z.string().trim().min(1, 'lastName must not be empty').max(100).optional(),
  })
  .refine((b) => b.firstName !== undefined || b.lastName !== undefined, {
    message: 'At least one of firstName or lastName must be provided',
  });

const createOrgSchema = z.object({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(200),
  slug: z
    .string()
    .trim()
    .max(80)
    .regex(SLUG, 'slug may contain lowercase letters, digits and single hyphens (e.g. acme-corp)')
    .optional(),
});

const inviteSchema = z.object({
  emailAddress: z
    .string({ error: 'emailAddress is required' })
    .trim()
    .pipe(z.email('emailAddress must be a valid email address')),
  role: z.enum(ASSIGNABLE_ROLES, { error: 'role must be "org:member" or "org:admin"' }).default('org:member'),
});

const roleSchema = z.object({
  role: z.enum(ASSIGNABLE_ROLES, { error: 'role is required: "org:member" or "org:admin"' }),
});

const int = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(fallback);

const membersQuery = z.object({ limit: int('limit', 1, 100, 20), offset: int('offset', 0, 1_000_000, 0) });
const auditQuery = z.object({
  limit: int('limit', 1, 500, 50),
  offset: int('offset', 0, 1_000_000, 0),
  event_type: z.string().min(1).max(100).optional(),
  user_id: z.string().min(1).max(100).optional(),
});

const ADMIN_ROLES: readonly OrgRole[] = ['owner', 'admin'];

/**
 * MockBird §1 (profile) and §2 (organizations: create, members, invitations, roles) plus the
 * MockForge audit log, under /api/v1 like the project endpoints. README.md ("Team") says
 * which rules the documents leave open and what this server chose.
 */
export function registerTeamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** The org by id, if the caller is a member (403) and it exists (404); tokens only reach their own org. */
  const orgFor = (req: FastifyRequest, p: Principal, orgId: string): OrgRow => {
    const org = getOrg(ctx, orgId);
    if (!org) throw notFound('ORGANIZATION_NOT_FOUND', 'organization', orgId);
    if (p.tokenOrgId !== null && p.tokenOrgId !== orgId)
      throw permissionDenied('This API token belongs to another organization', {
        org_id: orgId,
        token_org_id: p.tokenOrgId,
        reason: 'not_member',
      });
    if (!isMember(ctx, orgId, p.userId))
      throw permissionDenied('You are not a member of this organization', { org_id: orgId, reason: 'not_member' });
    return org;
  };

  /** Invitations, role changes, removals and the audit log: admins and the owner only. */
  const requireAdmin = (p: Principal, org: OrgRow, action: string): OrgRole => {
    const role = roleIn(ctx, org.id, p.userId) ?? 'member';
    if (!ADMIN_ROLES.includes(role))
      throw permissionDenied(`Only an admin or the owner of ${org.name} can ${action}`, {
        org_id: org.id,
        reason: 'insufficient_role',
        role: wireRole(role),
        required_role: 'org:admin',
      });
    if (p.via === 'token' && !p.scopes.includes('admin'))
      throw permissionDenied('API token lacks the "admin" scope', { required_scope: 'admin', scopes: p.scopes });
    return role;
  };

  app.get('/api/v1/auth/me', async (req) => {
    const p = requireAuth(req);
    const user = getUser(ctx, p.userId);
    if (!user) throw new CloudError(401, 'AUTH_REQUIRED', 'The signed-in user no longer exists', {});
    // MockBird upserts the user here; this server accepts invitations waiting for them.
    for (const inv of acceptPendingInvitations(ctx, user)) {
      recordAudit(ctx, {
        orgId: inv.org_id,
        userId: user.id,
        eventType: 'member_joined',
        description: `${user.email} accepted an invitation as ${wireRole(inv.role)}`,
        metadata: { invitation_id: inv.id, email: user.email, role: wireRole(inv.role) },
        req,
      });
    }
    return meBody(ctx, user, currentOrg(ctx, req, p));
  });

  app.patch('/api/v1/auth/profile', async (req) => {
    const p = requireAuth(req);
    const body = parseBody(profileSchema, req.body);
    const user = getUser(ctx, p.userId);
    if (!user) throw new CloudError(401, 'AUTH_REQUIRED', 'The signed-in user no longer exists', {});
    return profileBody(user, setProfile(ctx, user.id, body));
  });

  app.post('/api/v1/organizations', async (req, reply) => {
    const p = requireAuth(req);
    if (p.via === 'token')
      throw permissionDenied('API tokens belong to one organization and cannot create another; sign in instead', {
        reason: 'token',
      });
    const body = parseBody(createOrgSchema, req.body);
    if (body.slug && getOrgBySlug(ctx, body.slug))
      throw conflict(`The slug "${body.slug}" is already taken`, { field: 'slug', resource: 'organization' });
    const org = ctx.db.tx(() => {
      const row = createOrg(ctx, {
        name: body.name,
        slugBase: body.slug ?? body.name,
        ownerId: p.userId,
        personal: false,
      });
      recordAudit(ctx, {
        orgId: row.id,
        userId: p.userId,
        eventType: 'organization_created',
        description: `Organization ${row.name} created`,
        metadata: { name: row.name, slug: row.slug },
        req,
      });
      return row;
    });
    return reply.code(201).send(mockbirdOrg(ctx, org));
  });

  app.post<{ Params: { org_id: string } }>('/api/v1/organizations/:org_id/invitations', async (req, reply) => {
    const p = requireAuth(req);
    const org = orgFor(req, p, req.params.org_id);
    requireAdmin(p, org, 'invite members');
    const body = parseBody(inviteSchema, req.body);
    const existing = ctx.db
      .stmt('SELECT u.id FROM users u JOIN members m ON m.user_id = u.id WHERE m.org_id = ? AND u.email = ?')
      .get(org.id, body.emailAddress);
    if (existing)
      throw conflict(`${body.emailAddress} is already a member of ${org.name}`, {
        field: 'emailAddress',
        resource: 'membership',
      });
    const max = PLAN_LIMITS[org.plan].max_collaborators;
    const seats = memberCount(ctx, org.id);
    const pending = pendingInvitationCount(ctx, org.id);
    if (seats + pending >= max)
      throw resourceLimit(`The ${org.plan} plan allows ${max} collaborators`, {
        limit: 'max_collaborators',
        max,
        current: seats + pending,
        plan: org.plan,
        hint: 'Upgrade the plan, or remove a member, then invite again',
      });
    const inv = invite(ctx, {
      orgId: org.id,
      email: body.emailAddress,
      role: storedRole(body.role),
      invitedBy: p.userId,
    });
    recordAudit(ctx, {
      orgId: org.id,
      userId: p.userId,
      eventType: 'member_invited',
      description: `Invited ${inv.email} as ${wireRole(inv.role)}`,
      metadata: { invitation_id: inv.id, email: inv.email, role: wireRole(inv.role) },
      req,
    });
    return reply.code(201).send({
      id: inv.id,
      emailAddress: inv.email,
      role: wireRole(inv.role),
      status: inv.status,
      createdAt: inv.created_at,
    });
  });

  app.put<{ Params: { org_id: string; membership_id: string } }>(
    '/api/v1/organizations/:org_id/members/:membership_id',
    async (req) => {
      const p = requireAuth(req);
      const org = orgFor(req, p, req.params.org_id);
      requireAdmin(p, org, "change members' roles");
      const body = parseBody(roleSchema, req.body);
      const target = findMembership(ctx, org.id, req.params.membership_id);
      if (!target) throw notFound('MEMBERSHIP_NOT_FOUND', 'membership', req.params.membership_id);
      if (target.role === 'owner')
        throw permissionDenied("The owner's role cannot be changed", { reason: 'owner', org_id: org.id });
      const next = storedRole(body.role);
      setRole(ctx, org.id, target.user_id, next);
      recordAudit(ctx, {
        orgId: org.id,
        userId: p.userId,
        eventType: 'member_role_changed',
        description: `${target.email}: ${wireRole(target.role)} → ${body.role}`,
        metadata: {
          membership_id: target.membership_id,
          email: target.email,
          from: wireRole(target.role),
          to: body.role,
        },
        req,
      });
      const { joinedAt: _joined, ...rest } = memberBody(ctx, { ...target, role: next });
      return rest;
    },
  );

  app.delete<{ Params: { org_id: string; membership_id: string } }>(
    '/api/v1/organizations/:org_id/members/:membership_id',
    async (req) => {
      const p = requireAuth(req);
      const org = orgFor(req, p, req.params.org_id);
      requireAdmin(p, org, 'remove members');
      const target = findMembership(ctx, org.id, req.params.membership_id);
      if (!target) throw notFound('MEMBERSHIP_NOT_FOUND', 'membership', req.params.membership_id);
      if (target.role === 'owner')
        throw permissionDenied('The owner cannot be removed from the organization', {
          reason: 'owner',
          org_id: org.id,
        });
      removeMember(ctx, org.id, target.user_id);
      recordAudit(ctx, {
        orgId: org.id,
        userId: p.userId,
        eventType: 'member_removed',
        description: `Removed ${target.email} (${wireRole(target.role)})`,
        metadata: { membership_id: target.membership_id, email: target.email, role: wireRole(target.role) },
        req,
      });
      return { message: 'Member removed successfully' };
    },
  );

  app.get<{ Params: { org_id: string } }>('/api/v1/organizations/:org_id/audit-logs', async (req) => {
    const p = requireAuth(req);
    const org = orgFor(req, p, req.params.org_id);
    requireAdmin(p, org, 'read the audit log');
    const q = parseBody(auditQuery, req.query);
    return auditPage(ctx, org.id, { limit: q.limit, offset: q.offset, eventType: q.event_type, userId: q.user_id });
  });
}

/**
 * GET /organizations/:id/members answers MockForge's array, or MockBird's page when the
 * caller pages (limit or offset in the query): the two documents share the path.
 */
export function wantsMemberPage(query: unknown): boolean {
  const q = (query ?? {}) as Record<string, unknown>;
  return q.limit !== undefined || q.offset !== undefined;
}

export function memberPageBody(ctx: ServerContext, orgId: string, query: unknown) {
  const q = parseBody(membersQuery, query);
  const { rows, total } = memberPage(ctx, orgId, q.limit, q.offset);
  return {
    data: rows.map((r) => memberBody(ctx, { ...r, membership_id: membershipId(ctx, r.org_id, r.user_id) })),
    totalCount: total,
    limit: q.limit,
    offset: q.offset,
  };
}
