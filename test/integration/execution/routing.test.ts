import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,POST,PUT,DELETE,PATCH,OPTIONS',
  'access-control-allow-headers': '*',
};
const corsOf = (r: Response) => Object.fromEntries(Object.keys(CORS).map((k) => [k, r.headers.get(k)]));

describe('matching (§8)', () => {
  it('serves an exact path before a {param} pattern, and :id paths like {id}', async () => {
    h.addMock({ name: 'by id', method: 'GET', path: '/users/:id' }, [
      { body: 'by-id', conditions: [{ type: 'path', field: 'id', operator: 'equals', value: '42' }] },
      { body: 'any-id' },
    ]);
    h.addMock({ name: 'me', method: 'GET', path: '/users/me' }, [{ body: 'me' }]);
    expect(await (await fetch(h.url('/users/me'))).text()).toBe('me');
    expect(await (await fetch(h.url('/users/42'))).text()).toBe('by-id');
    expect(await (await fetch(h.url('/users/7'))).text()).toBe('any-id');
    expect(await (await fetch(h.url('/users/42/'))).text()).toBe('by-id');
  });

  it('URL-decodes path parameters before conditions see them', async () => {
    h.addMock({ name: 'file', method: 'GET', path: '/files/{name}' }, [
      { body: 'spaced', conditions: [{ type: 'path', field: 'name', operator: 'equals', value: 'my file.txt' }] },
      { body: 'other' },
    ]);
    expect(await (await fetch(h.url('/files/my%20file.txt'))).text()).toBe('spaced');
  });

  it('requires the method to match', async () => {
    h.addMock({ name: 'create', method: 'POST', path: '/orders' }, [{ statusCode: 201, body: 'created' }]);
    const get = await fetch(h.url('/orders'));
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ error: 'MOCK_NOT_FOUND' });
    const post = await fetch(h.url('/orders'), { method: 'POST' });
    expect(post.status).toBe(201);
  });

  it('never matches an inactive mock, and matches again once reactivated', async () => {
    const { mockId } = h.addMock({ name: 'off', method: 'GET', path: '/off', isActive: false }, [{ body: 'on' }]);
    expect((await fetch(h.url('/off'))).status).toBe(404);
    h.core.catalog.mocks.update(mockId, { isActive: true });
    expect(await (await fetch(h.url('/off'))).text()).toBe('on');
  });

  it('serves the project root at /m/:slug and /m/:slug/, and reads paths after an encoded slug', async () => {
    h.addMock({ name: 'root', method: 'GET', path: '/' }, [{ body: 'root' }]);
    expect(await (await fetch(`${h.base}/m/shop`)).text()).toBe('root');
    expect(await (await fetch(`${h.base}/m/shop/`)).text()).toBe('root');
    expect(await (await fetch(`${h.base}/m/shop?x=/y`)).text()).toBe('root');
    h.addMock({ name: 'enc', method: 'GET', path: '/enc/{id}' }, [{ body: 'enc' }]);
    expect(await (await fetch(`${h.base}/m/sh%6Fp/enc/1`)).text()).toBe('enc');
  });

  it('follows a slug change and a deleted project', async () => {
    const p = h.core.catalog.projects.create({ name: 'Moving', slug: 'old-slug' });
    const m = h.core.catalog.mocks.create(p.id, { name: 'm', method: 'GET', path: '/here' });
    h.core.catalog.responses.create(m.id, { body: 'here' });
    expect(await (await fetch(`${h.base}/m/old-slug/here`)).text()).toBe('here');
    h.core.catalog.projects.update(p.id, { slug: 'new-slug' });
    expect((await fetch(`${h.base}/m/old-slug/here`)).status).toBe(404);
    expect(await (await fetch(`${h.base}/m/new-slug/here`)).text()).toBe('here');
    h.core.catalog.projects.delete(p.id);
    expect(((await (await fetch(`${h.base}/m/new-slug/here`)).json()) as { error: string }).error).toBe(
      'PROJECT_NOT_FOUND',
    );
  });

  it('answers HEAD from the GET mock, without a body', async () => {
    h.addMock({ name: 'head', method: 'GET', path: '/head' }, [{ body: 'not sent', headers: { 'X-Head': '1' } }]);
    const r = await fetch(h.url('/head'), { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-head')).toBe('1');
    expect(await r.text()).toBe('');
  });

  it('picks up edits without a restart: a changed body is served on the next request', async () => {
    const { mockId, responseIds } = h.addMock({ name: 'edit', method: 'GET', path: '/edit' }, [{ body: 'v1' }]);
    expect(await (await fetch(h.url('/edit'))).text()).toBe('v1');
    h.core.catalog.responses.update(mockId, responseIds[0]!, { body: 'v2' });
    expect(await (await fetch(h.url('/edit'))).text()).toBe('v2');
  });
});

describe('responses', () => {
  it('sets Content-Type from responseType', async () => {
    const types = { json: 'application/json', xml: 'application/xml', text: 'text/plain', html: 'text/html' } as const;
    for (const [type, ct] of Object.entries(types)) {
      h.addMock({ name: type, method: 'GET', path: `/type/${type}`, responseType: type as keyof typeof types }, [
        { body: 'b' },
      ]);
      const r = await fetch(h.url(`/type/${type}`));
      expect(r.headers.get('content-type')).toBe(`${ct}; charset=utf-8`);
    }
  });

  it('sends the response status, custom headers and a custom Content-Type', async () => {
    h.addMock({ name: 'custom', method: 'PUT', path: '/custom' }, [
      {
        statusCode: 418,
        headers: { 'X-Custom': 'yes', 'Content-Type': 'application/vnd.teapot' },
        body: 'short and stout',
      },
    ]);
    const r = await fetch(h.url('/custom'), { method: 'PUT', body: 'x' });
    expect(r.status).toBe(418);
    expect(r.headers.get('x-custom')).toBe('yes');
    expect(r.headers.get('content-type')).toBe('application/vnd.teapot');
    expect(await r.text()).toBe('short and stout');
  });

  it('applies responseDelay before answering', async () => {
    h.addMock({ name: 'slow', method: 'GET', path: '/slow', responseDelay: 300 }, [{ body: 'late' }]);
    const t0 = performance.now();
    const r = await fetch(h.url('/slow'));
    expect(await r.text()).toBe('late');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });
});

describe('CORS', () => {
  it('answers OPTIONS preflight with 204 and the CORS headers, for any path', async () => {
    const r = await fetch(h.url('/anything/at/all'), {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-method': 'POST' },
    });
    expect(r.status).toBe(204);
    expect(corsOf(r)).toEqual(CORS);
  });

  it('sets the CORS headers on matched responses and on every error', async () => {
    h.addMock({ name: 'cors', method: 'GET', path: '/cors' }, [{ body: 'ok' }]);
    for (const url of [h.url('/cors'), h.url('/nope'), `${h.base}/m/no-such-project/x`]) {
      expect(corsOf(await fetch(url))).toEqual(CORS);
    }
  });
});

describe('errors (§8): always JSON { error, message }', () => {
  const expectError = async (r: Response, status: number, code: string) => {
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await r.json()) as { error: string; message: string };
    expect(body.error).toBe(code);
    expect(body.message.length).toBeGreaterThan(20);
    return body;
  };

  it('PROJECT_NOT_FOUND for an unknown slug', async () => {
    const body = await expectError(await fetch(`${h.base}/m/ghost/users`), 404, 'PROJECT_NOT_FOUND');
    expect(body.message).toContain('ghost');
  });

  it('MOCK_NOT_FOUND when no mock matches method + path', async () => {
    await expectError(await fetch(h.url('/no/such/route'), { method: 'PATCH' }), 404, 'MOCK_NOT_FOUND');
  });

  it('NO_RESPONSE_DEFINED for a mock without responses', async () => {
    h.addMock({ name: 'Empty one', method: 'GET', path: '/empty' });
    const body = await expectError(await fetch(h.url('/empty')), 404, 'NO_RESPONSE_DEFINED');
    expect(body.message).toContain('Empty one');
  });

  it('INTERNAL_ERROR when stored data is damaged, and recovers once the project changes', async () => {
    const p = h.core.catalog.projects.create({ name: 'Broken', slug: 'broken' });
    const m = h.core.catalog.mocks.create(p.id, { name: 'b', method: 'GET', path: '/b' });
    const r = h.core.catalog.responses.create(m.id, { body: 'fine' });
    // A row no version of MockDeck writes: headers that are not JSON.
    h.core.store.db.prepare("UPDATE responses SET headers = '{not json' WHERE id = ?").run(r.id);
    await expectError(await fetch(`${h.base}/m/broken/b`), 500, 'INTERNAL_ERROR');
    h.core.store.db.prepare("UPDATE responses SET headers = '{}' WHERE id = ?").run(r.id);
    h.core.catalog.mocks.update(m.id, { description: 'touched' });
    expect(await (await fetch(`${h.base}/m/broken/b`)).text()).toBe('fine');
  });

  it('answers a body over the 10 MiB limit with 413 in the same JSON shape, CORS included', async () => {
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    const r = await fetch(h.url('/upload'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(11 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(corsOf(r)).toEqual(CORS);
    expect(await r.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
  });

  it('accepts request bodies of any content type, malformed JSON included', async () => {
    h.addMock({ name: 'sink', method: 'POST', path: '/sink' }, [{ body: 'got it' }]);
    for (const [ct, body] of [
      ['application/json', '{"broken":'],
      ['application/xml', '<a>'],
      ['application/octet-stream', '\u0001\u0002'],
      ['text/csv', 'a,b'],
    ]) {
      const r = await fetch(h.url('/sink'), { method: 'POST', headers: { 'content-type': ct! }, body });
      expect(r.status).toBe(200);
    }
  });
});

describe('what goes on the wire', () => {
  it('sends no body, Content-Type or Content-Length with a 204 response', async () => {
    h.addMock({ name: 'no content', method: 'DELETE', path: '/wire/204' }, [
      { statusCode: 204, body: 'ignored', headers: { 'X-Kept': 'yes' } },
    ]);
    const r = await fetch(h.url('/wire/204'), { method: 'DELETE' });
    expect(r.status).toBe(204);
    expect(r.headers.get('x-kept')).toBe('yes');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('content-type')).toBeNull();
    expect(r.headers.get('content-length')).toBeNull();
    expect(await r.text()).toBe('');
  });

  it('sends the body length in bytes, not characters', async () => {
    h.addMock({ name: 'utf8', method: 'GET', path: '/wire/utf8' }, [{ body: '{"name":"Zoë 🦊"}' }]);
    const r = await fetch(h.url('/wire/utf8'));
    expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength('{"name":"Zoë 🦊"}')));
    expect(await r.text()).toBe('{"name":"Zoë 🦊"}');
  });

  it('answers INTERNAL_ERROR naming the problem when a stored header cannot be sent, and logs it', async () => {
    const project = h.core.catalog.projects.create({ name: 'Legacy', slug: 'legacy-headers' });
    const mock = h.core.catalog.mocks.create(project.id, { name: 'old', method: 'GET', path: '/old' });
    const ok = h.core.catalog.responses.create(mock.id, { body: 'fine' });
    // Stored before header values were validated on save (written past the catalog on purpose).
    h.core.store.responses.update({ ...ok, headers: { 'X-Fox': 'fox 🦊' } });
    const r = await fetch(`${h.base}/m/legacy-headers/old`);
    expect(r.status).toBe(500);
    const body = (await r.json()) as { error: string; message: string };
    expect(body.error).toBe('INTERNAL_ERROR');
    expect(body.message).toMatch(/x-fox/i);
    expect(body.message).toMatch(/fix the header/);
    // The server keeps serving.
    expect((await fetch(h.url('/head'))).status).toBe(200);
    h.core.server.flushLogs();
    const log = h.core.store.logs.page({ projectId: project.id }, 1, 1).data[0];
    expect(log).toMatchObject({ responseStatus: 500, errorCode: 'INTERNAL_ERROR', mockId: mock.id });
  });

  it('refuses a header value Node cannot send when the response is saved', () => {
    const mock = h.core.catalog.mocks.create(h.project.id, { name: 'emoji', method: 'GET', path: '/wire/emoji' });
    expect(() => h.core.catalog.responses.create(mock.id, { headers: { 'X-Fox': '🦊' } })).toThrow(/Latin-1/);
  });
});
