import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_TOKEN_ENV, apiTokenFile } from '../../util/local-token';
import { sendError } from './errors';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * onRequest hook: every management route needs `Authorization: Bearer <token>`.
 * Runs before the body is read, so an anonymous client cannot make us parse megabytes.
 */
export function bearerAuth(token: string, dataDir: string | null) {
  // Hashing both sides gives equal-length buffers, so timingSafeEqual never throws and the
  // comparison time does not reveal the token's length either.
  const expected = digest(token);
  const where = dataDir
    ? `the file ${apiTokenFile(dataDir)} or $${API_TOKEN_ENV}`
    : `$${API_TOKEN_ENV} or the --token flag`;
  const hint = `send the header "Authorization: Bearer <token>"; the token is in ${where}`;

  return async function checkBearer(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match?.[1] && timingSafeEqual(digest(match[1]), expected)) return;
    const message = header ? 'the API token is wrong or malformed' : 'this endpoint needs an API token';
    reply.header('www-authenticate', 'Bearer realm="mockdeck"');
    return sendError(reply, 401, { error: 'UNAUTHORIZED', message, hint });
  };
}
