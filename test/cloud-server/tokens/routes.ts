import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { notFound, parseBody } from '../http/errors';
import { currentOrg, requireAuth } from '../http/principal';
import type { TokenRow } from './store';
import {
  ageDays,
  deleteToken,
  getToken,
  insertToken,
  listTokens,
  needsRotation,
  scopesOf,
  TOKEN_SCOPES,
} from './store';

const createSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { message: `scopes may contain ${TOKEN_SCOPES.join(', ')}` }))
    .min(1, 'scopes needs at least one scope'),
  expires_at: z.iso
    .datetime({ offset: true, message: 'expires_at must be an ISO 8601 date-time' })
    .nullable()
    .optional(),
});

const rotateSchema = z.object({
  new_name: z.string().trim().min(1).max(200).optional(),
  delete_old: z.boolean().default(false),
});

const listItem = (ctx: ServerContext, t: TokenRow) => ({
  id: t.id,
  name: t.name,
  token_prefix: t.token_prefix,
  scopes: scopesOf(t),
  last_used_at: t.last_used_at,
  expires_at: t.expires_at,
  created_at: t.created_at,
  age_days: ageDays(ctx, t),
  needs_rotation: needsRotation(ctx, t),
});

export function registerTokenRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/v1/tokens', async (req, reply) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const body = parseBody(createSchema, req.body);
    const { row, token } = insertToken(ctx, {
      orgId: org.id,
      userId: p.userId,
      name: body.name,
      scopes: [...new Set(body.scopes)],
      expiresAt: body.expires_at ? new Date(body.expires_at).toISOString() : null,
    });
    return reply.code(201).send({
      token,
      id: row.id,
      name: row.name,
      token_prefix: row.token_prefix,
      scopes: scopesOf(row),
      expires_at: row.expires_at,
      created_at: row.created_at,
    });
  });

  app.get('/api/v1/tokens', async (req) => {
    const p = requireAuth(req);
    return listTokens(ctx, currentOrg(ctx, req, p).id).map((t) => listItem(ctx, t));
  });

  // Registered before /:token_id routes would matter only for GET; kept explicit for readers.
  app.get('/api/v1/tokens/rotation-status', async (req) => {
    const p = requireAuth(req);
    return listTokens(ctx, currentOrg(ctx, req, p).id)
      .filter((t) => needsRotation(ctx, t))
      .map((t) => ({
        id: t.id,
        name: t.name,
        token_prefix: t.token_prefix,
        created_at: t.created_at,
        age_days: ageDays(ctx, t),
        expires_at: t.expires_at,
        needs_rotation: true,
      }));
  });

  app.delete<{ Params: { token_id: string } }>('/api/v1/tokens/:token_id', async (req) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    if (!getToken(ctx, req.params.token_id, org.id)) throw notFound('TOKEN_NOT_FOUND', 'token', req.params.token_id);
    deleteToken(ctx, req.params.token_id);
    return { success: true, message: 'API token deleted successfully' };
  });

  app.post<{ Params: { token_id: string } }>('/api/v1/tokens/:token_id/rotate', async (req, reply) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const old = getToken(ctx, req.params.token_id, org.id);
    if (!old) throw notFound('TOKEN_NOT_FOUND', 'token', req.params.token_id);
    const body = parseBody(rotateSchema, req.body);
    const { row, token } = ctx.db.tx(() => {
      const created = insertToken(ctx, {
        orgId: org.id,
        userId: p.userId,
        name: body.new_name ?? `${old.name} (Rotated)`,
        scopes: scopesOf(old),
        // An expired token's date would make the replacement dead on arrival.
        expiresAt: old.expires_at && Date.parse(old.expires_at) > ctx.clock.now().getTime() ? old.expires_at : null,
      });
      if (body.delete_old) deleteToken(ctx, old.id);
      return created;
    });
    return reply.code(200).send({
      new_token: token,
      new_token_id: row.id,
      new_token_name: row.name,
      old_token_id: old.id,
      old_token_deleted: body.delete_old,
    });
  });
}
