import type {
  AuditPageView,
  CreatedOrgView,
  InvitationView,
  MemberRole,
  MemberView,
  ProfileUpdateView,
  ProfileView,
  TeamRole,
  TeamView,
} from '../../../../shared/ipc/cloud-team';
import { PROFILE_NAME_RULE } from '../../../../shared/ipc/cloud-team';
import { AppError } from '../../util/errors';
import type { MockForgeApi } from '../api';
import type { Organization } from '../schemas';
import { explainTeamError, type TeamAction } from './explain';
import type { TeamApi } from './team-api';
import type { Member } from './schemas';
import { auditEntryView, isManager, memberView, roleWord } from './views';

export interface TeamDeps {
  api: TeamApi;
  cloud: MockForgeApi;
  /** The organization calls act in: the selected one, else the cloud's default (personal) one. */
  currentOrgId(): Promise<string>;
  /** Switches the app to an organization (what the organization switcher does). */
  selectOrg(id: string): Promise<unknown>;
}

/** Members are looked up by email through at most this many pages of 100. */
const MAX_LOOKUP_PAGES = 50;

/**
 * The team use cases: profile, organizations, members and roles, the audit log. Errors the
 * documents list (403 not a member / not an admin, 404, 409) come back in words that say
 * what to do (explain.ts).
 */
export class TeamService {
  constructor(private readonly d: TeamDeps) {}

  async profile(): Promise<ProfileView> {
    const me = await this.d.api.me();
    return {
      userId: me.userId,
      email: me.email,
      name: me.name || me.email,
      imageUrl: me.imageUrl,
      plan: me.subscriptionTier ?? 'unknown',
      createdAt: me.createdAt,
      org: me.orgId ? { id: me.orgId, name: me.orgName ?? me.orgId, slug: me.orgSlug, role: me.orgRole } : null,
    };
  }

  async updateProfile(patch: {
    firstName?: string | undefined;
    lastName?: string | undefined;
  }): Promise<ProfileUpdateView> {
    const body = {
      ...(patch.firstName?.trim() ? { firstName: patch.firstName.trim() } : {}),
      ...(patch.lastName?.trim() ? { lastName: patch.lastName.trim() } : {}),
    };
    // MockBird refuses an empty change; say so here rather than spend a request on a 400.
    if (!body.firstName && !body.lastName)
      throw new AppError('VALIDATION_ERROR', `Nothing to change: ${PROFILE_NAME_RULE}.`, {
        field: 'firstName',
        hint: 'Type a first name or a last name, then save.',
      });
    const r = await this.d.api.updateProfile(body);
    return {
      userId: r.userId,
      name: r.name ?? [r.firstName, r.lastName].filter(Boolean).join(' '),
      firstName: r.firstName,
      lastName: r.lastName,
    };
  }

  async createOrg(input: { name: string; slug?: string | undefined; select: boolean }): Promise<CreatedOrgView> {
    const o = await this.act({ verb: 'create an organization', slug: input.slug }, () =>
      this.d.api.createOrganization({ name: input.name, ...(input.slug ? { slug: input.slug } : {}) }),
    );
    if (input.select) await this.d.selectOrg(o.orgId);
    return {
      id: o.orgId,
      name: o.name,
      slug: o.slug,
      membersCount: o.membersCount ?? 1,
      createdAt: o.createdAt,
      selected: input.select,
    };
  }

  async team(page: { limit: number; offset: number }): Promise<TeamView> {
    const { id: orgId, org } = await this.org();
    const [me, members] = await Promise.all([
      this.d.api.me(),
      this.act({ verb: 'see its members', org: org.name }, () => this.d.api.members(orgId, page)),
    ]);
    // The personal context is the user's own organization: they own it.
    const myRole: MemberRole = me.orgId === null ? 'org:owner' : ((me.orgRole ?? 'org:member') as MemberRole);
    const canManage = isManager(myRole);
    return {
      org: { id: orgId, name: org.name, slug: org.slug, personal: me.orgId === null },
      myRole,
      canManage,
      manageReason: canManage
        ? null
        : `Only admins and the owner of ${org.name} can invite people, change roles or remove members; you are a ${roleWord(myRole)}. Ask an admin.`,
      members: members.data.map((m) => memberView(m, me.userId)),
      total: members.totalCount,
      limit: members.limit ?? page.limit,
      offset: members.offset ?? page.offset,
    };
  }

  async invite(email: string, role: TeamRole): Promise<InvitationView> {
    const { id, name } = await this.org();
    const inv = await this.act({ verb: 'invite people', org: name, email }, () =>
      this.d.api.invite(id, { emailAddress: email, role }),
    );
    return {
      id: inv.id,
      email: inv.emailAddress,
      role: inv.role as MemberRole,
      status: inv.status,
      createdAt: inv.createdAt,
    };
  }

  async setRole(member: string, role: TeamRole): Promise<MemberView> {
    const { id, name } = await this.org();
    const target = await this.resolve(id, name, member);
    const r = await this.act({ verb: 'change roles', org: name, member: target.label }, () =>
      this.d.api.setRole(id, target.membershipId, role),
    );
    return memberView(r, null);
  }

  async remove(member: string): Promise<{ removed: true; email: string | null }> {
    const { id, name } = await this.org();
    const target = await this.resolve(id, name, member);
    await this.act({ verb: 'remove members', org: name, member: target.label }, () =>
      this.d.api.removeMember(id, target.membershipId),
    );
    return { removed: true, email: target.email };
  }

  async audit(q: {
    limit: number;
    offset: number;
    eventType?: string | undefined;
    userId?: string | undefined;
  }): Promise<AuditPageView> {
    const { id, name } = await this.org();
    const entries = await this.act({ verb: 'read the audit log', org: name }, () =>
      this.d.api.auditLogs(id, {
        limit: q.limit,
        offset: q.offset,
        ...(q.eventType ? { event_type: q.eventType } : {}),
        ...(q.userId ? { user_id: q.userId } : {}),
      }),
    );
    // Names for the user ids; the log is still readable (ids) when the list cannot be read.
    const names = new Map<string, string>();
    try {
      for (const m of (await this.d.api.members(id, { limit: 100, offset: 0 })).data)
        names.set(m.user.userId, memberView(m, null).name);
    } catch {
      /* names are a courtesy */
    }
    return {
      entries: entries.map((e) => auditEntryView(e, names)),
      limit: q.limit,
      offset: q.offset,
      hasMore: entries.length >= q.limit,
    };
  }

  private async org(): Promise<{ id: string; name: string; org: Organization }> {
    const id = await this.d.currentOrgId();
    const org = await this.act({ verb: 'manage its team' }, () => this.d.cloud.organization(id));
    return { id, name: org.name, org };
  }

  /** A membership id as it is, or the member with that email (found page by page). */
  private async resolve(
    orgId: string,
    orgName: string,
    member: string,
  ): Promise<{ membershipId: string; email: string | null; label: string }> {
    if (!member.includes('@')) return { membershipId: member, email: null, label: `Member ${member}` };
    const wanted = member.toLowerCase();
    for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
      const r = await this.act({ verb: 'see its members', org: orgName }, () =>
        this.d.api.members(orgId, { limit: 100, offset: page * 100 }),
      );
      const hit: Member | undefined = r.data.find((m) => m.user.email.toLowerCase() === wanted);
      if (hit) return { membershipId: hit.membershipId, email: hit.user.email, label: hit.user.email };
      if (r.data.length < 100 || (page + 1) * 100 >= r.totalCount) break;
    }
    throw new AppError('NOT_FOUND', `${member} is not a member of "${orgName}".`, {
      field: 'member',
      hint: 'mockdeck cloud team list shows the members; invite them first if they are new.',
    });
  }

  private async act<T>(a: TeamAction, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw explainTeamError(e, a);
    }
  }
}
