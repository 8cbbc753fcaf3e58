import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGS_FILE } from '../../../main/core/store/store';
import { startHarness, type Harness } from './harness';

const AUTH = 'Bearer sk-live-authorization-0001';
const COOKIE = 'sid=cookie-secret-0002';
const SET_COOKIE = 'session=set-cookie-secret-0003; HttpOnly';
const PASSWORD = 'password-secret-0004';
const API_KEY = 'api-key-secret-0005';
const X_API_KEY = 'x-api-key-secret-0006';
const QUERY_TOKEN = 'query-token-secret-0007';
const SECRETS = [AUTH, COOKIE, SET_COOKIE, PASSWORD, API_KEY, X_API_KEY, QUERY_TOKEN];

let h: Harness | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A mock that answers with a Set-Cookie and echoes nothing; the log row is what is checked. */
async function loginMock(): Promise<Harness> {
  h = await startHarness();
  h.addMock({ name: 'login', method: 'POST', path: '/login' }, [
    { body: `{"ok":true,"password":"${PASSWORD}"}`, headers: { 'Set-Cookie': SET_COOKIE } },
  ]);
  return h;
}

async function sendSecrets(harness: Harness, body: string, contentType: string): Promise<void> {
  const res = await fetch(harness.url(`/login?access_token=${QUERY_TOKEN}&page=2`), {
    method: 'POST',
    headers: { authorization: AUTH, cookie: COOKIE, 'x-api-key': X_API_KEY, 'content-type': contentType },
    body,
  });
  expect(res.status).toBe(200);
  await res.text();
}

async function storedRow(harness: Harness) {
  const page = await harness.app.router.call('requestLogs.page', { projectId: harness.project.id, page: 1, limit: 10 });
  if (!page.ok) throw new Error(JSON.stringify(page.error));
  expect(page.value.data).toHaveLength(1);
  return page.value.data[0]!;
}

describe('credentials in stored request logs', () => {
  it('are masked by default: secret headers (request and response), query parameters and JSON fields', async () => {
    const harness = await loginMock();
    await sendSecrets(
      harness,
      JSON.stringify({ user: 'ann', password: PASSWORD, nested: { api_key: API_KEY } }),
      'application/json',
    );
    const row = await storedRow(harness);
    const stored = JSON.stringify(row);
    for (const secret of SECRETS) expect(stored).not.toContain(secret.split(' ').pop()!.split(';')[0]!);
    expect(row.requestHeaders.authorization).toBe('•••');
    expect(row.requestHeaders.cookie).toBe('•••');
    expect(row.requestHeaders['x-api-key']).toBe('•••');
    expect(row.responseHeaders['set-cookie'] ?? row.responseHeaders['Set-Cookie']).toBe('•••');
    expect(row.requestQuery).toEqual({ access_token: '•••', page: '2' });
    // What is not a secret stays as sent, layout included.
    expect(JSON.parse(row.requestBody)).toEqual({ user: 'ann', password: '•••', nested: { api_key: '•••' } });
    expect(JSON.parse(row.responseBody)).toEqual({ ok: true, password: '•••' });
    expect(row.requestHeaders['content-type']).toBe('application/json');
  });

  it('are masked in form bodies', async () => {
    const harness = await loginMock();
    await sendSecrets(harness, `user=ann&password=${PASSWORD}&api_key=${API_KEY}`, 'application/x-www-form-urlencoded');
    const row = await storedRow(harness);
    expect(row.requestBody).toBe('user=ann&password=•••&api_key=•••');
  });

  it("are kept verbatim when the project's logSecrets switch is on", async () => {
    const harness = await loginMock();
    const updated = await harness.app.router.call('projects.update', {
      id: harness.project.id,
      patch: { logSecrets: true },
    });
    expect(updated.ok && updated.value.logSecrets).toBe(true);
    await sendSecrets(harness, JSON.stringify({ password: PASSWORD, api_key: API_KEY }), 'application/json');
    const stored = JSON.stringify(await storedRow(harness));
    for (const secret of [COOKIE, PASSWORD, API_KEY, X_API_KEY, QUERY_TOKEN, 'set-cookie-secret-0003', AUTH])
      expect(stored).toContain(JSON.stringify(secret).slice(1, -1));
  });

  it('defaults to off for new projects', async () => {
    const harness = await loginMock();
    expect(harness.project.logSecrets).toBe(false);
  });
});

describe('reading request logs while requests are served', () => {
  it('does not stop the server while the writer thread is held up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-read-'));
    dirs.push(dir);
    const harness = (h = await startHarness({ dataDir: dir }));
    harness.addMock({ name: 'ping', method: 'GET', path: '/ping' }, [{ body: 'pong' }]);
    await fetch(harness.url('/ping'));
    harness.core.server.flushLogs();
    for (let i = 0; i < 300 && harness.core.server.logWriterMode() !== 'worker'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(harness.core.server.logWriterMode()).toBe('worker');

    // Another connection holds logs.db's write lock: the writer thread waits for it, as a
    // writer starved of CPU under load would keep a batch uncommitted.
    const lock = new Database(path.join(dir, LOGS_FILE));
    lock.exec('BEGIN IMMEDIATE');
    try {
      for (let i = 0; i < 20; i++) await (await fetch(harness.url('/ping'))).text();
      // The clock starts before the read: a read that blocks this thread delays the answer
      // whether it blocks before or after the mock request is sent.
      const started = performance.now();
      const read = harness.app.router.call('requestLogs.page', { projectId: harness.project.id, page: 1, limit: 100 });
      const answer = await (await fetch(harness.url('/ping'))).text();
      const waited = performance.now() - started;
      expect(answer).toBe('pong');
      // A blocking read would hold this answer until the lock's busy timeout (5 s).
      expect(waited).toBeLessThan(1000);
      lock.exec('COMMIT');
      const page = await read;
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      // Every request answered before the read is in it.
      expect(page.value.pagination.total).toBeGreaterThanOrEqual(21);
    } finally {
      if (lock.inTransaction) lock.exec('COMMIT');
      lock.close();
    }
  });
});
