import type { FastifyRequest } from 'fastify';
import { verifyJwt } from '../auth/jwt';
import type { ServerContext } from '../context';
import type { FaultDecision } from '../faults/faults';
import type { OrgRow } from '../orgs/store';
import { getOrg, isMember, personalOrg } from '../orgs/store';
import { findTokenByValue, isExpired, scopesOf, touchToken } from '../tokens/store';
import { authRequired, CloudError, permissionDenied } from './errors';

/** Who is calling: a user, via a JWT or via an org-scoped API token. */
export interface Principal {
  userId: string;
  via: 'jwt' | 'token';
  tokenId: string | null;
  /** API tokens are organization-scoped (spec, "Authentication"); null for JWTs. */
  tokenOrgId: string | null;
  scopes: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** Why the Authorization header was rejected, when one was sent and failed. */
    authProblem: string | null;
    fault: FaultDecision | null;
  }
}

/** Reads the Authorization header once per request (the rate limiter needs it before routing). */
export async function resolvePrincipal(ctx: ServerContext, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization;
  if (!header) return;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) {
    req.authProblem = 'Authorization header must be "Bearer <token>"';
    return;
  }
  const token = m[1];
  if (token.startsWith('mfx_')) {
    const row = findTokenByValue(ctx, token);
    if (!row) req.authProblem = 'API token is invalid or has been deleted';
    else if (isExpired(ctx, row)) req.authProblem = `API token expired at ${row.expires_at}`;
    else {
      touchToken(ctx, row.id);
      req.principal = {
        userId: row.user_id,
        via: 'token',
        tokenId: row.id,
        tokenOrgId: row.org_id,
        scopes: scopesOf(row),
      };
    }
    return;
  }
  const check = await verifyJwt(ctx, token);
  if (!check.ok) {
    req.authProblem =
      check.reason === 'expired'
        ? 'JWT has expired; refresh it with POST /api/v1/auth/token/refresh'
        : 'JWT is invalid';
    return;
  }
  const exists = ctx.db.stmt('SELECT 1 FROM users WHERE id = ?').get(check.claims.userId);
  if (!exists) req.authProblem = 'JWT names a user that does not exist';
  else
    req.principal = {
      userId: check.claims.userId,
      via: 'jwt',
      tokenId: null,
      tokenOrgId: null,
      scopes: ['read', 'write', 'admin'],
    };
}

/**
 * The caller, or 401. API tokens also need the scope the method implies: GETs need any
 * scope, writes need "write" or "admin".
 */
export function requireAuth(req: FastifyRequest): Principal {
  const p = req.principal;
  if (!p) throw authRequired(req.authProblem ?? 'Authentication required');
  const write = !['GET', 'HEAD'].includes(req.method);
  if (write && !p.scopes.includes('write') && !p.scopes.includes('admin')) {
    throw permissionDenied('API token lacks the "write" scope', { required_scope: 'write', scopes: p.scopes });
  }
  return p;
}

/**
 * The organization a request acts in. X-Org-Id picks one the caller belongs to; without it a
 * JWT acts in the user's personal org and an API token in the org it was created in.
 */
export function currentOrg(ctx: ServerContext, req: FastifyRequest, p: Principal): OrgRow {
  const raw = req.headers['x-org-id'];
  const requested = Array.isArray(raw) ? raw[0] : raw;
  if (requested) {
    if (p.tokenOrgId !== null && requested !== p.tokenOrgId) {
      throw permissionDenied('This API token belongs to another organization', {
        org_id: requested,
        token_org_id: p.tokenOrgId,
      });
    }
    if (!isMember(ctx, requested, p.userId)) {
      throw permissionDenied('You are not a member of this organization', { org_id: requested });
    }
    const org = getOrg(ctx, requested);
    if (!org) throw permissionDenied('You are not a member of this organization', { org_id: requested });
    return org;
  }
  const org = p.tokenOrgId !== null ? getOrg(ctx, p.tokenOrgId) : personalOrg(ctx, p.userId);
  if (!org) throw new CloudError(500, 'INTERNAL_ERROR', 'The caller has no organization', {});
  if (!isMember(ctx, org.id, p.userId))
    throw permissionDenied('You are no longer a member of this organization', { org_id: org.id });
  return org;
}
