import type { ServerContext } from '../context';
import { createUser } from '../auth/users';
import { addMember, createOrg, setPlan } from '../orgs/store';
import { recordAudit } from './audit';
import { setProfile } from './store';

export const SEED_PASSWORD = 'acme-password-1';

/** The people of the seeded team (`--seed team`), all with SEED_PASSWORD. */
export const SEED_USERS = [
  { username: 'olivia', email: 'owner@acme.test', firstName: 'Olivia', lastName: 'Owner', role: 'owner' },
  { username: 'adam', email: 'admin@acme.test', firstName: 'Adam', lastName: 'Admin', role: 'admin' },
  { username: 'mia', email: 'member@acme.test', firstName: 'Mia', lastName: 'Member', role: 'member' },
] as const;

export interface SeededTeam {
  orgId: string;
  users: Record<(typeof SEED_USERS)[number]['role'], { userId: string; email: string }>;
}

/**
 * "Acme Corp" on the team plan: an owner, an admin and a member, and a week of audit events
 * of several types (with metadata), so the Team and Audit log screens have something to show.
 */
export function seedTeam(ctx: ServerContext): SeededTeam {
  const users = {} as SeededTeam['users'];
  for (const u of SEED_USERS) {
    const row = createUser(ctx, { username: u.username, email: u.email, password: SEED_PASSWORD });
    setProfile(ctx, row.id, { firstName: u.firstName, lastName: u.lastName });
    users[u.role] = { userId: row.id, email: row.email };
  }
  const org = createOrg(ctx, {
    name: 'Acme Corp',
    slugBase: 'acme-corp',
    ownerId: users.owner.userId,
    personal: false,
  });
  setPlan(ctx, org.id, 'team');
  addMember(ctx, org.id, users.admin.userId, 'admin');
  addMember(ctx, org.id, users.member.userId, 'member');
  const day = 86_400_000;
  const at = (daysAgo: number) => new Date(ctx.clock.now().getTime() - daysAgo * day).toISOString();
  const events: Array<[number, string, string, string, Record<string, unknown>]> = [
    [7, 'owner', 'organization_created', 'Organization Acme Corp created', { name: 'Acme Corp', slug: 'acme-corp' }],
    [
      6,
      'owner',
      'billing_checkout',
      'Checkout session created for team plan',
      { plan: 'team', session_id: 'cs_seed_1' },
    ],
    [
      5,
      'owner',
      'member_invited',
      'Invited admin@acme.test as org:admin',
      { email: 'admin@acme.test', role: 'org:admin' },
    ],
    [
      5,
      'owner',
      'member_invited',
      'Invited member@acme.test as org:member',
      { email: 'member@acme.test', role: 'org:member' },
    ],
    [3, 'admin', 'token_created', 'API token "ci" created', { token_name: 'ci', scopes: ['read', 'write'] }],
    [2, 'admin', 'deployment_created', 'Deployment orders-api created', { slug: 'orders-api', project: 'Orders API' }],
    [1, 'member', 'project_updated', 'Project Orders API updated', { project: 'Orders API', fields: ['description'] }],
  ];
  for (const [daysAgo, who, type, description, metadata] of events) {
    recordAudit(ctx, {
      orgId: org.id,
      userId: users[who as keyof SeededTeam['users']].userId,
      eventType: type,
      description,
      metadata,
      at: at(daysAgo),
    });
  }
  return { orgId: org.id, users };
}
