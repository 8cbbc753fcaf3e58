import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { CloudError } from '../http/errors';
import { signJwt } from './jwt';
import { upsertOAuthUser } from './users';

const PROVIDERS = ['github', 'google'] as const;
type Provider = (typeof PROVIDERS)[number];

interface PendingCode {
  provider: Provider;
  redirectUri: string;
  email: string;
}

const badRequest = (message: string, details: Record<string, unknown>): CloudError =>
  new CloudError(400, 'VALIDATION_FAILED', message, details);

function provider(p: string): Provider {
  if (!(PROVIDERS as readonly string[]).includes(p)) {
    throw badRequest(`Unsupported OAuth provider "${p}"`, { field: 'provider', allowed: PROVIDERS });
  }
  return p as Provider;
}

/** Desktop apps receive the token on a loopback listener (RFC 8252 §7.3), nothing else. */
function loopbackRedirect(raw: string | undefined): string {
  if (!raw) throw badRequest('redirect_uri is required', { field: 'redirect_uri' });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('redirect_uri is not a URL', { field: 'redirect_uri' });
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'http:' || !loopback) {
    throw badRequest('redirect_uri must be a loopback http URL such as http://127.0.0.1:PORT/callback', {
      field: 'redirect_uri',
      redirect_uri: raw,
    });
  }
  return raw;
}

const authorizeQuery = z.object({
  redirect_uri: z.string().optional(),
  state: z.string().max(1000).default(''),
  login_hint: z.string().optional(),
});
const fakeQuery = z.object({ code: z.string(), state: z.string().default('') });
const callbackQuery = z.object({ code: z.string().optional(), state: z.string().default('') });

/**
 * authorize → fake provider page on this server → callback → redirect_uri?token=…&state=…
 * (README.md documents the flow). Codes are single use.
 */
export function registerOAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const pending = new Map<string, PendingCode>();

  app.get<{ Params: { provider: string } }>('/api/v1/auth/oauth/:provider/authorize', async (req, reply) => {
    const p = provider(req.params.provider);
    const q = authorizeQuery.parse(req.query);
    const redirectUri = loopbackRedirect(q.redirect_uri);
    const code = randomBytes(16).toString('hex');
    const email =
      q.login_hint && z.email().safeParse(q.login_hint).success ? q.login_hint : `oauth-${p}-user@example.com`;
    pending.set(code, { provider: p, redirectUri, email });
    const next = new URL(`${ctx.baseUrl}/__fake-oauth/${p}/authorize`);
    next.searchParams.set('code', code);
    next.searchParams.set('state', q.state);
    return reply.redirect(next.toString(), 302);
  });

  // Stands in for github.com / accounts.google.com: the user "approves" instantly.
  app.get<{ Params: { provider: string } }>('/__fake-oauth/:provider/authorize', async (req, reply) => {
    const p = provider(req.params.provider);
    const q = fakeQuery.parse(req.query);
    const next = new URL(`${ctx.baseUrl}/api/v1/auth/oauth/${p}/callback`);
    next.searchParams.set('code', q.code);
    next.searchParams.set('state', q.state);
    return reply.redirect(next.toString(), 302);
  });

  app.get<{ Params: { provider: string } }>('/api/v1/auth/oauth/:provider/callback', async (req, reply) => {
    const p = provider(req.params.provider);
    const q = callbackQuery.parse(req.query);
    const entry = q.code ? pending.get(q.code) : undefined;
    if (!q.code || !entry || entry.provider !== p) {
      throw badRequest('OAuth code is missing, unknown or already used', { field: 'code' });
    }
    pending.delete(q.code);
    const user = upsertOAuthUser(ctx, entry.email);
    const target = new URL(entry.redirectUri);
    target.searchParams.set('token', await signJwt(ctx, { userId: user.id, username: user.username }));
    target.searchParams.set('state', q.state);
    return reply.redirect(target.toString(), 302);
  });
}
