import type { AuditPageView, ProfileView, TeamView } from '../../../../../shared/ipc/cloud-team';
import { call } from '../../../app/api';
import { useQuery, type QueryResult } from '../../../app/query';
import { qk } from '../../../app/query-keys';

/** Under "cloud:" so a sign-in or organization change drops them with the rest. */
export const MEMBERS_PAGE = 20;
export const AUDIT_PAGE = 25;

export interface AuditQuery {
  offset: number;
  eventType: string;
  userId: string;
}

export const useProfile = (): QueryResult<ProfileView> =>
  useQuery(qk.cloud.team.profile, () => call('profile.get', {}));

export const useTeam = (offset: number): QueryResult<TeamView> =>
  useQuery(qk.cloud.team.members(offset), () => call('team.get', { limit: MEMBERS_PAGE, offset }));

export const useAudit = (q: AuditQuery): QueryResult<AuditPageView> =>
  useQuery(qk.cloud.team.audit(q), () =>
    call('audit.list', {
      limit: AUDIT_PAGE,
      offset: q.offset,
      ...(q.eventType.trim() ? { eventType: q.eventType.trim() } : {}),
      ...(q.userId ? { userId: q.userId } : {}),
    }),
  );

/** "org:admin" → "Admin". */
export function roleLabel(role: string): string {
  const word = role.replace(/^org:/, '');
  return word.charAt(0).toUpperCase() + word.slice(1);
}
