import type { WireMock, WireProject, WireResponse } from '../../shared/wire/mockbird';
import type { PlanName } from './billing/plans';
import type { ServerContext } from './context';
import type { OrgRole } from './orgs/store';
import { addMember, personalOrg, setPlan, toWireOrg } from './orgs/store';
import type { MockRow, ProjectRow, ResponseRow } from './projects/rows';
import { wireMock, wireProject, wireResponse } from './projects/rows';
import { recordAudit } from './team/audit';
import { acceptPendingInvitations } from './team/wire';
import { backdateToken } from './tokens/store';
import { getUser } from './auth/users';

export interface InspectedUser {
  user_id: string;
  username: string;
  email: string;
  personal_org_id: string | null;
  created_at: string;
}

/** Reads the server's data in the same wire shapes the API returns. */
export function makeInspect(ctx: ServerContext) {
  return {
    projects: (): WireProject[] =>
      (
        ctx.db
          .stmt(
            'SELECT p.*, (SELECT COUNT(*) FROM mocks m WHERE m.project_id = p.id) AS mock_count FROM projects p ORDER BY p.created_at, p.rowid',
          )
          .all() as Array<ProjectRow & { mock_count: number }>
      ).map((p) => wireProject(p, p.mock_count)),
    mocks: (projectId: string): WireMock[] =>
      (
        ctx.db
          .stmt(
            'SELECT m.*, (SELECT COUNT(*) FROM responses r WHERE r.mock_id = m.id) AS response_count FROM mocks m WHERE project_id = ? ORDER BY sort_order',
          )
          .all(projectId) as Array<MockRow & { response_count: number }>
      ).map((m) => wireMock(m, m.response_count)),
    responses: (mockId: string): WireResponse[] =>
      (ctx.db.stmt('SELECT * FROM responses WHERE mock_id = ? ORDER BY sort_order').all(mockId) as ResponseRow[]).map(
        wireResponse,
      ),
    /** Every deployment's id, slug and config_json, as created. */
    deployments: (): { id: string; slug: string; config_json: Record<string, unknown> }[] =>
      (
        ctx.db.stmt('SELECT id, slug, config_json FROM deployments ORDER BY created_at, rowid').all() as Array<{
          id: string;
          slug: string;
          config_json: string;
        }>
      ).map((d) => ({ ...d, config_json: JSON.parse(d.config_json) as Record<string, unknown> })),
    users: (): InspectedUser[] =>
      (
        ctx.db.stmt('SELECT id, username, email, created_at FROM users ORDER BY created_at, rowid').all() as Array<{
          id: string;
          username: string;
          email: string;
          created_at: string;
        }>
      ).map((u) => ({
        user_id: u.id,
        username: u.username,
        email: u.email,
        personal_org_id: personalOrg(ctx, u.id)?.id ?? null,
        created_at: u.created_at,
      })),
  };
}

/** Test-only levers the HTTP API does not offer (membership, plan changes, token age). */
export function makeAdmin(ctx: ServerContext) {
  return {
    addMember: (orgId: string, userId: string, role: OrgRole = 'member'): void => addMember(ctx, orgId, userId, role),
    setPlan: (orgId: string, plan: PlanName): void => setPlan(ctx, orgId, plan),
    /** Moves a token's created_at back by `days` (drives age_days / needs_rotation). */
    backdateToken: (tokenId: string, days: number): void => backdateToken(ctx, tokenId, days),
    /** What the invitee's next GET /auth/me does: joins every org that invited their address. */
    acceptInvitations: (userId: string): number => {
      const user = getUser(ctx, userId);
      return user ? acceptPendingInvitations(ctx, user).length : 0;
    },
    recordAudit: (e: Parameters<typeof recordAudit>[1]) => recordAudit(ctx, e),
    personalOrg: (userId: string) => {
      const o = personalOrg(ctx, userId);
      return o ? toWireOrg(o) : null;
    },
  };
}
