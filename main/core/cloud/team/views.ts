import type { AuditEntryView, MemberRole, MemberView } from '../../../../shared/ipc/cloud-team';
import type { AuditEntry, Member } from './schemas';

/** "First Last", else the email: who a member is, in one line. */
export function memberName(u: { firstName: string | null; lastName: string | null; email: string }): string {
  const name = [u.firstName, u.lastName].filter((s): s is string => !!s && s.trim().length > 0).join(' ');
  return name || u.email;
}

export const memberView = (
  m: Omit<Member, 'joinedAt'> & { joinedAt?: string | null },
  myUserId: string | null,
): MemberView => ({
  membershipId: m.membershipId,
  role: m.role as MemberRole,
  joinedAt: m.joinedAt ?? null,
  userId: m.user.userId,
  name: memberName(m.user),
  email: m.user.email,
  isYou: m.user.userId === myUserId,
});

const MAX_FIELDS = 50;
const MAX_VALUE = 500;

/** One metadata value as text a person reads: lists joined, objects as compact JSON, capped. */
export function readableValue(v: unknown): string {
  let text: string;
  if (v === null || v === undefined) text = '—';
  else if (typeof v === 'string') text = v;
  else if (typeof v === 'number' || typeof v === 'boolean') text = String(v);
  else if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) text = v.join(', ');
  else text = JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

export const auditEntryView = (e: AuditEntry, names: ReadonlyMap<string, string>): AuditEntryView => ({
  id: e.id,
  eventType: e.event_type,
  description: e.description,
  userId: e.user_id,
  userName: e.user_id ? (names.get(e.user_id) ?? null) : null,
  metadata: Object.entries(e.metadata ?? {})
    .slice(0, MAX_FIELDS)
    .map(([key, value]) => ({ key, value: readableValue(value) })),
  ipAddress: e.ip_address,
  userAgent: e.user_agent,
  createdAt: e.created_at,
});

const ROLE_WORDS: Record<string, string> = { 'org:owner': 'owner', 'org:admin': 'admin', 'org:member': 'member' };
/** "org:admin" → "admin"; an unknown role is shown as the cloud names it. */
export const roleWord = (role: string | null): string => (role ? (ROLE_WORDS[role] ?? role) : 'member');
export const isManager = (role: string | null): boolean => role === 'org:owner' || role === 'org:admin';
