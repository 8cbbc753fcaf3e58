import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../main/core/util/logger';
import { startApi, type Api } from './harness';

/** A Logger that keeps what it is given, as text, the way a log file would hold it. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const text = (message: string, details: unknown) =>
    `${message} ${JSON.stringify(details, (_k, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
    )}`;
  return { lines, error: (m, d) => lines.push(text(m, d)), warn: (m, d) => lines.push(text(m, d)) };
}

const SECRET_PASSWORD = 'hunter2-correct-horse';
const SECRET_TOKEN = 'mfx_livesecret0123456789';

let api: Api | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

describe('unexpected failures in the management API', () => {
  it('answer 500 INTERNAL_ERROR with a request id that the log line (secrets masked) also carries', async () => {
    const logger = recordingLogger();
    api = await startApi({ logger });
    // A failing dependency: the store breaks, quoting a secret the way driver errors quote their input.
    api.core.catalog.projects.list = () => {
      throw new Error(`disk I/O error while reading password=${SECRET_PASSWORD} apiKey: ${SECRET_TOKEN}`);
    };

    const res = await api.call('GET', '/projects?search=x', undefined, { cookie: `session=${SECRET_TOKEN}` });

    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(res.json).toEqual({
      error: 'INTERNAL_ERROR',
      message: expect.stringContaining('MockDeck'),
      requestId,
    });
    expect(JSON.stringify(res.json)).not.toContain('disk I/O');

    expect(logger.lines).toHaveLength(1);
    const line = logger.lines[0]!;
    expect(line).toContain(requestId!);
    expect(line).toContain('projects.list');
    expect(line).toContain('disk I/O error');
    for (const secret of [SECRET_PASSWORD, SECRET_TOKEN, 'test-token-0123456789']) expect(line).not.toContain(secret);
  });

  it('log a failure outside any call with the request, its credentials masked', async () => {
    const logger = recordingLogger();
    api = await startApi({ logger });
    // The failure happens in the REST layer itself, after the call succeeded.
    api.core.router.call = (() => Promise.resolve({ ok: true, value: null })) as typeof api.core.router.call;

    const res = await api.call('GET', `/projects/p1?token=${SECRET_TOKEN}`, undefined, {
      'x-api-key': SECRET_PASSWORD,
    });

    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ error: 'INTERNAL_ERROR', requestId: res.headers.get('x-request-id') });
    expect(logger.lines).toHaveLength(1);
    const line = logger.lines[0]!;
    expect(line).toContain(res.json.requestId);
    expect(line).toContain('GET /projects/p1');
    expect(line).toContain('authorization');
    for (const secret of [SECRET_PASSWORD, SECRET_TOKEN, 'test-token-0123456789']) expect(line).not.toContain(secret);
  });

  it('tag every answer with X-Request-Id, and keep user errors out of the log', async () => {
    const logger = recordingLogger();
    api = await startApi({ logger });
    const a = await api.call('GET', '/projects/nope');
    const b = await api.call('GET', '/projects/nope');
    expect(a.status).toBe(404);
    expect(a.json).not.toHaveProperty('requestId');
    expect(a.headers.get('x-request-id')).toBeTruthy();
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    expect(logger.lines).toEqual([]);
  });
});
