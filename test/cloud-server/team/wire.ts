import type { UserRow } from '../auth/users';
import type { ServerContext } from '../context';
import type { OrgRow } from '../orgs/store';
import { addMember, isMember } from '../orgs/store';
import type { InvitationRow, MembershipRow, Profile } from './store';
import { displayName, markAccepted, memberCount, pendingInvitationsFor, profileOf, roleIn, wireRole } from './store';

/** MockBird's organization body (§2: create and get). */
export function mockbirdOrg(ctx: ServerContext, org: OrgRow) {
  return {
    orgId: org.id,
    name: org.name,
    slug: org.slug,
    imageUrl: null,
    membersCount: memberCount(ctx, org.id),
    createdAt: org.created_at,
  };
}

/** One member as MockBird lists it. */
export function memberBody(ctx: ServerContext, m: Omit<MembershipRow, 'org_id'> & { org_id?: string }) {
  const p = profileOf(ctx, m.user_id);
  return {
    membershipId: m.membership_id,
    role: wireRole(m.role),
    joinedAt: m.joined_at,
    user: {
      userId: m.user_id,
      firstName: p.first_name,
      lastName: p.last_name,
      email: m.email,
      imageUrl: p.image_url,
    },
  };
}

/**
 * GET /auth/me. The org fields describe the organization the request acts in (X-Org-Id),
 * and are null in the personal context: the user's personal organization.
 */
export function meBody(ctx: ServerContext, user: UserRow, org: OrgRow) {
  const profile = profileOf(ctx, user.id);
  const inOrg = org.personal === 0;
  return {
    userId: user.id,
    email: user.email,
    name: displayName(profile, user.username),
    imageUrl: profile.image_url,
    subscriptionTier: org.plan,
    createdAt: user.created_at,
    orgId: inOrg ? org.id : null,
    orgRole: inOrg ? wireRole(roleIn(ctx, org.id, user.id) ?? 'member') : null,
    orgName: inOrg ? org.name : null,
    orgSlug: inOrg ? org.slug : null,
  };
}

export function profileBody(user: UserRow, p: Profile) {
  return {
    userId: user.id,
    name: displayName(p, user.username),
    firstName: p.first_name,
    lastName: p.last_name,
    imageUrl: p.image_url,
  };
}

/** Makes the invitee a member of every org that invited their address; returns the invitations taken. */
export function acceptPendingInvitations(ctx: ServerContext, user: UserRow): InvitationRow[] {
  const invitations = pendingInvitationsFor(ctx, user.email);
  ctx.db.tx(() => {
    for (const inv of invitations) {
      if (!isMember(ctx, inv.org_id, user.id)) addMember(ctx, inv.org_id, user.id, inv.role);
      markAccepted(ctx, inv.id);
    }
  });
  return invitations;
}
