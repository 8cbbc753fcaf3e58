import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { conflict } from '../http/errors';
import { createOrg } from '../orgs/store';
import { hashPassword } from './passwords';

export interface UserRow {
  id: string;
  username: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export const findUserByEmail = (ctx: ServerContext, email: string): UserRow | undefined =>
  ctx.db.stmt('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;

export const getUser = (ctx: ServerContext, id: string): UserRow | undefined =>
  ctx.db.stmt('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

/** Creates the user and, as the spec's model implies, their personal organization. */
export function createUser(ctx: ServerContext, input: { username: string; email: string; password: string }): UserRow {
  if (findUserByEmail(ctx, input.email)) {
    throw conflict('A user with this email already exists', { field: 'email', resource: 'user' });
  }
  if (ctx.db.stmt('SELECT 1 FROM users WHERE username = ?').get(input.username)) {
    throw conflict('This username is already taken', { field: 'username', resource: 'user' });
  }
  const row: UserRow = {
    id: randomUUID(),
    username: input.username,
    email: input.email,
    password_hash: hashPassword(input.password),
    created_at: nowIso(ctx),
  };
  ctx.db.tx(() => {
    ctx.db
      .stmt(
        'INSERT INTO users (id, username, email, password_hash, created_at) VALUES (@id, @username, @email, @password_hash, @created_at)',
      )
      .run(row);
    createOrg(ctx, { name: `${row.username}'s Organization`, slugBase: row.username, ownerId: row.id, personal: true });
  });
  return row;
}

/** OAuth sign-in: the account with that email, or a new one with a free username. */
export function upsertOAuthUser(ctx: ServerContext, email: string): UserRow {
  const existing = findUserByEmail(ctx, email);
  if (existing) return existing;
  const base = (email.split('@')[0] ?? 'user').replace(/[^A-Za-z0-9_-]/g, '').padEnd(3, '0');
  const taken = ctx.db.stmt('SELECT 1 FROM users WHERE username = ?');
  let username = base;
  for (let i = 2; taken.get(username); i++) username = `${base}${i}`;
  return createUser(ctx, { username, email, password: randomBytes(24).toString('base64url') });
}
