import type { CloudServerHandle, CloudServerOptions } from '../../cloud-server';
import { startCloudServer } from '../../cloud-server';

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A real HTTP call; JSON in, JSON (or text) out. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

export interface AuthBody {
  token: string;
  user_id: string;
  username: string;
}

export interface ErrorBody {
  error: string;
  error_code: string;
  status: number;
  details: Record<string, unknown>;
}

export type Data<T> = { data: T };

export interface TestUser {
  token: string;
  userId: string;
  username: string;
  email: string;
  password: string;
}

let seq = 0;
export async function register(base: string, name?: string): Promise<TestUser> {
  const username = name ?? `user${++seq}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${username}@example.com`;
  const password = 'correct-horse-battery';
  const r = await call<AuthBody>(base, 'POST', '/api/v1/auth/register', { body: { username, email, password } });
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { token: r.body.token, userId: r.body.user_id, username, email, password };
}

/** A clock tests can move forward. */
export function manualClock(start = Date.parse('2026-03-01T10:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export function expectErrorShape(body: unknown, status: number, code: string): void {
  const b = body as Record<string, unknown>;
  if (typeof b !== 'object' || b === null) throw new Error(`expected an error body, got ${JSON.stringify(body)}`);
  const problems: string[] = [];
  if (typeof b.error !== 'string' || b.error.length === 0) problems.push('error must be a message string');
  if (b.error_code !== code) problems.push(`error_code ${String(b.error_code)} != ${code}`);
  if (b.status !== status) problems.push(`status ${String(b.status)} != ${status}`);
  if (typeof b.details !== 'object' || b.details === null) problems.push('details must be an object');
  if (problems.length) throw new Error(`${problems.join('; ')} in ${JSON.stringify(body)}`);
}

export async function withServer(opts: CloudServerOptions = {}): Promise<CloudServerHandle> {
  return startCloudServer(opts);
}
