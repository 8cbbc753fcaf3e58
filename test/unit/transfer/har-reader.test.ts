import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../main/core/transfer/formats/registry';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString('base64');

function entry(method: string, url: string, status: number, body: string, extra: Record<string, unknown> = {}) {
  return {
    request: {
      method,
      url,
      headers: [
        { name: 'Authorization', value: 'Bearer tok-SECRET-123' },
        { name: 'Cookie', value: 'sid=cookie-SECRET-9; theme=dark' },
      ],
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'Not Found',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Content-Length', value: '99' },
        { name: 'Set-Cookie', value: 'sid=fresh-SECRET-7; Path=/; HttpOnly' },
        { name: 'X-Trace', value: 'abc' },
      ],
      content: { size: body.length, mimeType: 'application/json', text: body },
      ...extra,
    },
  };
}

const har = {
  log: {
    version: '1.2',
    creator: { name: 'Firefox', version: '140' },
    entries: [
      entry(
        'GET',
        'https://api.shop.test/users/1?x=1',
        200,
        '{"id":1,"token":"tok-SECRET-123","sid":"cookie-SECRET-9"}',
      ),
      entry('GET', 'https://api.shop.test/users/1', 404, '{"error":"gone"}'),
      entry('GET', 'https://api.shop.test/users/1', 200, '{"id":"second recording"}'),
      entry('POST', 'https://api.shop.test/users', 201, ''),
      {
        ...entry('GET', 'https://api.shop.test/b64', 200, ''),
        response: {
          status: 200,
          headers: [],
          content: {
            mimeType: 'application/json',
            encoding: 'base64',
            text: Buffer.from('{"a":1}').toString('base64'),
          },
        },
      },
      {
        ...entry('GET', 'https://cdn.shop.test/logo.png', 200, ''),
        response: { status: 200, headers: [], content: { mimeType: 'image/png', encoding: 'base64', text: png } },
      },
      { ...entry('GET', 'https://api.shop.test/blocked', 0, ''), response: { status: 0, headers: [], content: {} } },
      entry('TRACE', 'https://api.shop.test/users', 204, ''),
    ],
  },
};

describe('HAR 1.2 reader', () => {
  it('makes one mock per method and path, one response per recorded status', async () => {
    const read = await readDocument({ content: JSON.stringify(har), format: 'auto', fileName: 'shop.har' });
    expect(read.format).toBe('har');
    expect(read.draft.project.name).toBe('shop');
    const routes = read.draft.mocks.map((m) => `${m.method} ${m.path}`);
    expect(routes).toEqual(['GET /users/1', 'POST /users', 'GET /b64', 'GET /logo.png']);
    const user = read.draft.mocks[0]!;
    expect(user.responses.map((r) => r.statusCode)).toEqual([200, 404]);
    expect(user.responses[0]!.isDefault).toBe(true);
    expect(read.draft.mocks[1]!.responses[0]!.statusCode).toBe(201);
  });

  it('redacts Authorization, Cookie and Set-Cookie values in headers and bodies', async () => {
    const read = await readDocument({ content: JSON.stringify(har), format: 'har' });
    const text = JSON.stringify(read.draft);
    expect(text).not.toMatch(/SECRET/);
    const ok = read.draft.mocks[0]!.responses[0]!;
    expect(JSON.parse(ok.body)).toEqual({ id: 1, token: '[redacted]', sid: '[redacted]' });
    expect(ok.headers).toEqual({
      'content-type': 'application/json',
      'set-cookie': 'sid=[redacted]; Path=/; HttpOnly',
      'x-trace': 'abc',
    });
    expect(read.report.warnings.join('\n')).toMatch(/replaced by \[redacted\]/);
  });

  it('decodes base64 text bodies and lists binary ones, unanswered entries and other methods as skipped', async () => {
    const read = await readDocument({ content: JSON.stringify(har), format: 'har' });
    const b64 = read.draft.mocks.find((m) => m.path === '/b64')!;
    expect(b64.responses[0]!.body).toBe('{"a":1}');
    const logo = read.draft.mocks.find((m) => m.path === '/logo.png')!;
    expect(logo.responses[0]!.body).toBe('');
    const skipped = read.report.skipped.map((s) => `${s.what}: ${s.reason}`).join('\n');
    expect(skipped).toMatch(/logo\.png \(image\/png, 12 bytes\).*binary/);
    expect(skipped).toMatch(/\/blocked.*status 0/);
    expect(skipped).toMatch(/TRACE \/users/);
    expect(read.report.warnings.join('\n')).toMatch(/2 hosts/);
  });

  it('refuses a HAR without entries with a message naming the fix', async () => {
    await expect(readDocument({ content: '{"log":{}}', format: 'har' })).rejects.toThrow(/no log\.entries/);
  });
});
