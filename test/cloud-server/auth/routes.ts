import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { authRequired, parseBody } from '../http/errors';
import { REFRESH_GRACE_SECONDS, signJwt, verifyJwt } from './jwt';
import type { LoginLockout } from './lockout';
import { verifyPassword } from './passwords';
import type { UserRow } from './users';
import { createUser, findUserByEmail, getUser } from './users';

const registerSchema = z.object({
  username: z.string().trim().min(3, 'Username must be at least 3 characters').max(64),
  email: z.string().trim().pipe(z.email('Email must be a valid email address')),
  password: z.string().min(8, 'Password must be at least 8 characters').max(1024),
});

const loginSchema = z.object({
  email: z.string().trim().min(1, 'Email is required'),
  password: z.string().min(1, 'Password is required'),
});

const refreshSchema = z.object({ token: z.string().min(1, 'token is required') });

export async function authResponse(
  ctx: ServerContext,
  user: UserRow,
): Promise<{ token: string; user_id: string; username: string }> {
  return {
    token: await signJwt(ctx, { userId: user.id, username: user.username }),
    user_id: user.id,
    username: user.username,
  };
}

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext, lockout: LoginLockout): void {
  app.post('/api/v1/auth/register', async (req, reply) => {
    const body = parseBody(registerSchema, req.body);
    const user = createUser(ctx, body);
    return reply.code(201).send(await authResponse(ctx, user));
  });

  app.post('/api/v1/auth/login', async (req) => {
    const body = parseBody(loginSchema, req.body);
    // Locked accounts answer 429 even with the right password, so guessing gains nothing.
    lockout.assertNotLocked(body.email, req.ip);
    const user = findUserByEmail(ctx, body.email);
    if (!user || !verifyPassword(body.password, user.password_hash)) {
      const left = lockout.recordFailure(body.email, req.ip);
      throw authRequired('Invalid email or password', { attempts_remaining: left });
    }
    lockout.recordSuccess(body.email);
    return authResponse(ctx, user);
  });

  app.post('/api/v1/auth/token/refresh', async (req) => {
    const body = parseBody(refreshSchema, req.body);
    const check = await verifyJwt(ctx, body.token, REFRESH_GRACE_SECONDS);
    if (!check.ok) {
      throw authRequired(
        check.reason === 'expired' ? 'Token expired too long ago to refresh; log in again' : 'Token is invalid',
        {
          reason: check.reason,
          refresh_grace_seconds: REFRESH_GRACE_SECONDS,
        },
      );
    }
    const user = getUser(ctx, check.claims.userId);
    if (!user) throw authRequired('Token names a user that no longer exists');
    return authResponse(ctx, user);
  });
}
