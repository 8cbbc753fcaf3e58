import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { notFound, permissionDenied } from '../http/errors';
import { requireAuth } from '../http/principal';
import { memberPageBody, wantsMemberPage } from '../team/routes';
import { mockbirdOrg } from '../team/wire';
import type { OrgRow } from './store';
import { getOrg, isMember, membersOf, orgsOfUser, toWireOrg } from './store';

export function registerOrgRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const memberOrg = (orgId: string, userId: string): OrgRow => {
    const org = getOrg(ctx, orgId);
    if (!org) throw notFound('ORGANIZATION_NOT_FOUND', 'organization', orgId);
    if (!isMember(ctx, orgId, userId))
      throw permissionDenied('You are not a member of this organization', { org_id: orgId, reason: 'not_member' });
    return org;
  };

  app.get('/api/v1/organizations', async (req) => {
    const p = requireAuth(req);
    // An org-scoped API token sees only its own organization.
    return orgsOfUser(ctx, p.userId)
      .filter((o) => p.tokenOrgId === null || o.id === p.tokenOrgId)
      .map(toWireOrg);
  });

  app.get<{ Params: { org_id: string } }>('/api/v1/organizations/:org_id', async (req) => {
    const p = requireAuth(req);
    // MockForge and MockBird (§2) both document this path: one body carries both sets of fields.
    const org = memberOrg(req.params.org_id, p.userId);
    return { ...toWireOrg(org), ...mockbirdOrg(ctx, org) };
  });

  app.get<{ Params: { org_id: string } }>('/api/v1/organizations/:org_id/members', async (req) => {
    const p = requireAuth(req);
    memberOrg(req.params.org_id, p.userId);
    if (wantsMemberPage(req.query)) return memberPageBody(ctx, req.params.org_id, req.query);
    return membersOf(ctx, req.params.org_id);
  });
}
