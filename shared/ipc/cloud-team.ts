import { z } from 'zod';
import { call, reads, writes } from './call-meta';

/**
 * The team block of the contract (profile, organizations, members and roles, audit log),
 * spread into `calls` in contract.ts. Everything acts in the selected organization (or the
 * cloud's default one), like sync and deployments.
 */
export const TEAM_ROLES = ['org:member', 'org:admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** What the cloud may answer: the owner is a role too, but nobody can be given it. */
export type MemberRole = TeamRole | 'org:owner' | (string & {});

export interface ProfileView {
  userId: string;
  email: string;
  /** The display name ("First Last"), or the username where none was set. */
  name: string;
  imageUrl: string | null;
  /** The plan of the organization the call acted in. */
  plan: string;
  createdAt: string | null;
  /** null in the personal context (the user's personal organization). */
  org: { id: string; name: string; slug: string | null; role: MemberRole | null } | null;
}
export interface ProfileUpdateView {
  userId: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
}
export interface MemberView {
  membershipId: string;
  role: MemberRole;
  joinedAt: string | null;
  userId: string;
  /** "First Last", else the email. */
  name: string;
  email: string;
  isYou: boolean;
}
export interface TeamView {
  org: { id: string; name: string; slug: string; personal: boolean };
  /** Your role in it. */
  myRole: MemberRole;
  /** Whether you may invite, change roles and remove members (admins and the owner). */
  canManage: boolean;
  /** Why not, in words, when you may not. */
  manageReason: string | null;
  members: MemberView[];
  total: number;
  limit: number;
  offset: number;
}
export interface InvitationView {
  id: string;
  email: string;
  role: MemberRole;
  status: string;
  createdAt: string | null;
}
export interface CreatedOrgView {
  id: string;
  name: string;
  slug: string;
  membersCount: number;
  createdAt: string | null;
  selected: boolean;
}
export interface AuditEntryView {
  id: string;
  eventType: string;
  description: string;
  userId: string | null;
  /** The member's name where the member list knows the user id. */
  userName: string | null;
  /** Each metadata field as readable text, in the cloud's order. */
  metadata: { key: string; value: string }[];
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
}
export interface AuditPageView {
  entries: AuditEntryView[];
  limit: number;
  offset: number;
  /** A full page came back: there may be more after it. */
  hasMore: boolean;
}

export const PROFILE_NAME_RULE = 'give a first name, a last name or both';
const name = z.string().trim().min(1, 'a name cannot be blank').max(100, 'a name has at most 100 characters');
/** MockBird's rule (§1), checked before anything is sent. */
export const profilePatchSchema = z
  .object({ firstName: name.optional(), lastName: name.optional() })
  .strict()
  .refine((p) => p.firstName !== undefined || p.lastName !== undefined, {
    message: `nothing to change: ${PROFILE_NAME_RULE}`,
    path: ['firstName'],
  });

/** "admin" and "org:admin" both mean org:admin (the CLI takes either). */
export const teamRoleSchema = z
  .enum([...TEAM_ROLES, 'member', 'admin'], { error: 'role must be member or admin (org:member, org:admin)' })
  .transform((r): TeamRole => (r.startsWith('org:') ? (r as TeamRole) : (`org:${r}` as TeamRole)));

const member = z.string().trim().min(1, 'member is required: a membership id or an email address').max(320);

export const teamCalls = {
  'profile.get': call(
    z.object({}).strict().optional(),
    reads('Shows your cloud profile: display name, email, and your role in the selected organization.', 'cli'),
  ).returns<ProfileView>(),
  'profile.update': call(
    profilePatchSchema,
    writes('Changes your cloud display name (first name, last name or both).', 'cli'),
  ).returns<ProfileUpdateView>(),
  'team.createOrg': call(
    z.object({
      name: z.string().trim().min(1, 'name is required').max(200),
      slug: z
        .string()
        .trim()
        .max(80)
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug may contain lowercase letters, digits and single hyphens')
        .optional(),
      select: z.boolean().default(true),
    }),
    writes('Creates a cloud organization you own, and switches to it unless asked not to.', 'cli'),
  ).returns<CreatedOrgView>(),
  'team.get': call(
    z
      .object({
        limit: z.number().int().min(1).max(100).default(20),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .default({ limit: 20, offset: 0 }),
    reads('Lists the members of the selected organization with their roles, a page at a time.', 'cli'),
  ).returns<TeamView>(),
  'team.invite': call(
    z.object({
      email: z.string().trim().max(320).pipe(z.email('email must be a valid email address')),
      role: teamRoleSchema.default('org:member'),
    }),
    writes('Invites someone to the selected organization by email, as a member or an admin.', 'cli'),
  ).returns<InvitationView>(),
  'team.setRole': call(
    z.object({ member, role: teamRoleSchema }),
    writes("Changes a member's role in the selected organization (admins and the owner only).", 'cli'),
  ).returns<MemberView>(),
  'team.remove': call(
    z.object({ member }),
    writes('Removes a member from the selected organization (admins and the owner only).', 'cli'),
  ).returns<{ removed: true; email: string | null }>(),
  'audit.list': call(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        eventType: z.string().trim().min(1).max(100).optional(),
        userId: z.string().trim().min(1).max(100).optional(),
      })
      .default({ limit: 50, offset: 0 }),
    reads("Shows the selected organization's audit log, newest first (admins only).", 'cli'),
  ).returns<AuditPageView>(),
} as const;
