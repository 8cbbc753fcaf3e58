import type { AuditEntryView, MemberView } from '../../shared/ipc/cloud-team';
import { EXIT_OK, UsageError, stringOption, type CliIo, type CommandArgs } from './command';
import type { CliCall } from './data-dir-option';

/** Members are listed whole, up to this many pages of 100. */
const MAX_PAGES = 50;

export const TEAM_USAGE = `mockdeck cloud team list | invite EMAIL [--role member|admin] | role MEMBER ROLE | remove MEMBER [--json]
       mockdeck cloud audit [--event-type TYPE] [--user USER_ID] [--limit N] [--offset N] [--json]`;

export const TEAM_HELP = `  team             the selected organization's members (MEMBER: an email or a membership id;
                   ROLE: member or admin); inviting, role changes and removal need admin
  --role ROLE      the invitee's role (default member)
  audit            the organization's audit log, newest first (admins): --event-type, --user
                   (a user id) and --limit (1–500, default 50) / --offset page through it
  --json           JSON instead of a table (team list, audit)`;

export const teamOptions = {
  role: { type: 'string' },
  'event-type': { type: 'string' },
  user: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const json = (io: CliIo, value: unknown) => io.stdout(`${JSON.stringify(value)}\n`);
const ROLE = (r: string) => r.replace(/^org:/, '');

function table(io: CliIo, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  io.stdout(`${line(head)}\n`);
  for (const r of rows) io.stdout(`${line(r)}\n`);
}

function intOption(args: CommandArgs, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** `mockdeck cloud team …`: every verb is a contract call, as the app's Team screen makes it. */
export async function teamCommand(args: CommandArgs, io: CliIo, call: CliCall): Promise<number> {
  const [, verb, a, b] = args.positionals;
  if (verb === 'list' && !a) {
    const members: MemberView[] = [];
    let team = await call('team.get', { limit: 100, offset: 0 });
    members.push(...team.members);
    for (let page = 1; page < MAX_PAGES && members.length < team.total && team.members.length > 0; page++) {
      team = await call('team.get', { limit: 100, offset: page * 100 });
      members.push(...team.members);
    }
    if (args.values.json === true) {
      json(io, { org: team.org, myRole: team.myRole, canManage: team.canManage, total: team.total, members });
      return EXIT_OK;
    }
    io.stderr(
      `${team.org.name} (${team.org.slug}): ${team.total} member${team.total === 1 ? '' : 's'}; you are ${ROLE(team.myRole)}\n`,
    );
    table(
      io,
      ['ROLE', 'EMAIL', 'NAME', 'MEMBERSHIP'],
      members.map((m) => [ROLE(m.role), m.email, m.isYou ? `${m.name} (you)` : m.name, m.membershipId]),
    );
    return EXIT_OK;
  }
  if (verb === 'invite' && a && !b) {
    // The router validates the role (a wrong one is a VALIDATION_ERROR naming the choices).
    const inv = await call('team.invite', {
      email: a,
      role: (stringOption(args, 'role') ?? 'member') as 'member',
    });
    io.stderr(`invited ${inv.email} as ${ROLE(inv.role)} (${inv.status})\n`);
    json(io, inv);
    return EXIT_OK;
  }
  if (verb === 'role' && a && b) {
    // Validated by the router, as above.
    const m = await call('team.setRole', { member: a, role: b as 'member' });
    io.stderr(`${m.email} is now ${ROLE(m.role)}\n`);
    json(io, m);
    return EXIT_OK;
  }
  if (verb === 'remove' && a && !b) {
    const r = await call('team.remove', { member: a });
    io.stderr(`removed ${r.email ?? a}\n`);
    json(io, r);
    return EXIT_OK;
  }
  throw new UsageError(
    'cloud team takes: list | invite EMAIL [--role member|admin] | role MEMBER ROLE | remove MEMBER',
  );
}

/** `mockdeck cloud audit`: one page of the audit log, newest first. */
export async function auditCommand(args: CommandArgs, io: CliIo, call: CliCall): Promise<number> {
  if (args.positionals.length > 1)
    throw new UsageError('cloud audit takes options only (--event-type, --user, --limit)');
  const eventType = stringOption(args, 'event-type');
  const userId = stringOption(args, 'user');
  const page = await call('audit.list', {
    limit: intOption(args, 'limit', 1, 500) ?? 50,
    offset: intOption(args, 'offset', 0, 1_000_000) ?? 0,
    ...(eventType ? { eventType } : {}),
    ...(userId ? { userId } : {}),
  });
  if (args.values.json === true) {
    json(io, page);
    return EXIT_OK;
  }
  if (page.entries.length === 0) {
    io.stderr('no audit events match\n');
    return EXIT_OK;
  }
  table(
    io,
    ['WHEN', 'EVENT', 'BY', 'DESCRIPTION', 'DETAILS'],
    page.entries.map((e: AuditEntryView) => [
      e.createdAt,
      e.eventType,
      e.userName ?? e.userId ?? '–',
      e.description,
      e.metadata.map((m) => `${m.key}=${m.value}`).join(' '),
    ]),
  );
  if (page.hasMore) io.stderr(`more: --offset ${page.offset + page.limit}\n`);
  return EXIT_OK;
}
