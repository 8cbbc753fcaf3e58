import type { ServerContext } from '../context';

/** The username shown as author or reviewer. */
export function getUser(ctx: ServerContext, userId: string): string {
  const row = ctx.db.stmt('SELECT username FROM users WHERE id = ?').get(userId) as { username: string } | undefined;
  return row?.username ?? 'unknown';
}
