import { errors, jwtVerify, SignJWT } from 'jose';
import type { ServerContext } from '../context';

export interface JwtClaims {
  userId: string;
  username: string;
}

/** How long after `exp` POST /auth/token/refresh still accepts a token (7 days). */
export const REFRESH_GRACE_SECONDS = 7 * 24 * 3600;

export async function signJwt(ctx: ServerContext, claims: JwtClaims): Promise<string> {
  const iat = Math.floor(ctx.clock.now().getTime() / 1000);
  return new SignJWT({ username: claims.username })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ctx.jwtTtlSeconds)
    .setJti(crypto.randomUUID())
    .sign(ctx.jwtKey);
}

export type JwtCheck = { ok: true; claims: JwtClaims } | { ok: false; reason: 'expired' | 'invalid' };

/** Verifies signature and expiry; `graceSeconds` lets refresh accept recently expired tokens. */
export async function verifyJwt(ctx: ServerContext, token: string, graceSeconds = 0): Promise<JwtCheck> {
  try {
    const { payload } = await jwtVerify(token, ctx.jwtKey, {
      algorithms: ['HS256'],
      currentDate: ctx.clock.now(),
      clockTolerance: graceSeconds,
      requiredClaims: ['exp', 'sub'],
    });
    const username = typeof payload.username === 'string' ? payload.username : '';
    if (!payload.sub) return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { userId: payload.sub, username } };
  } catch (e) {
    return { ok: false, reason: e instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
