import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProject, startApi, TOKEN, type Api } from './harness';

let api: Api;
let ids: Awaited<ReturnType<typeof seedProject>>;
beforeAll(async () => {
  api = await startApi();
  ids = await seedProject(api);
});
afterAll(async () => {
  await api.close();
});

describe('token auth', () => {
  const routes = (): [string, string][] => [
    ['GET', '/projects'],
    ['POST', '/projects'],
    ['POST', '/projects/batch-create'],
    ['GET', `/projects/${ids.projectId}`],
    ['PUT', `/projects/${ids.projectId}`],
    ['DELETE', `/projects/${ids.projectId}`],
    ['GET', `/projects/${ids.projectId}/stats`],
    ['POST', `/projects/${ids.projectId}/duplicate`],
    ['GET', `/projects/${ids.projectId}/mocks`],
    ['POST', `/projects/${ids.projectId}/mocks`],
    ['GET', `/mocks/${ids.mockId}`],
    ['PUT', `/mocks/${ids.mockId}`],
    ['DELETE', `/mocks/${ids.mockId}`],
    ['POST', `/mocks/${ids.mockId}/duplicate`],
    ['GET', `/mocks/${ids.mockId}/responses`],
    ['POST', `/mocks/${ids.mockId}/responses`],
    ['PUT', `/mocks/${ids.mockId}/responses/${ids.responseIds[0]}`],
    ['DELETE', `/mocks/${ids.mockId}/responses/${ids.responseIds[0]}`],
    ['GET', `/mocks/${ids.mockId}/request-logs`],
  ];

  it('every management route answers 401 without a token, naming where the token is', async () => {
    for (const [method, path] of routes()) {
      const res = await fetch(api.base + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = await res.json();
      expect(body).toMatchObject({ error: 'UNAUTHORIZED' });
      expect(body.message).toMatch(/token/);
      expect(body.hint).toMatch(/Authorization: Bearer/);
      expect(body.hint).toMatch(/MOCKDECK_API_TOKEN/);
    }
    // Nothing was changed by the refused calls.
    expect((await api.call('GET', `/projects/${ids.projectId}`)).status).toBe(200);
    expect((await api.call('GET', `/mocks/${ids.mockId}/responses`)).json.data).toHaveLength(2);
  });

  it.each([
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 5)}`],
    ['another scheme', `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`],
    ['the bare token', TOKEN],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_what, authorization) => {
    const r = await api.call('GET', '/projects', undefined, { authorization });
    expect(r.status).toBe(401);
    expect(r.json.error).toBe('UNAUTHORIZED');
  });

  it('accepts the scheme case-insensitively', async () => {
    expect((await api.call('GET', '/projects', undefined, { authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  it('leaves /m/ routes public and their raw bodies untouched', async () => {
    const res = await fetch(`${api.base}/m/shop-api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ public: true, bodyIsBuffer: true });
  });

  it('answers unknown routes with a JSON 404, with or without a token', async () => {
    for (const path of ['/nope', '/projects/x/nope', '/mocks']) {
      const r = await api.call('GET', path);
      expect(r.status, path).toBe(404);
      expect(r.json.error).toBe('NOT_FOUND');
    }
    const anon = await fetch(`${api.base}/nothing-here`);
    expect(anon.status).toBe(404);
    expect((await anon.json()).error).toBe('NOT_FOUND');
  });
});

describe('bad input is a 4xx naming the problem, never a 500', () => {
  type Case = [
    label: string,
    method: string,
    path: () => string,
    body: unknown,
    status: number,
    field: string | undefined,
    message: RegExp,
  ];
  const cases: Case[] = [
    ['malformed JSON', 'POST', () => '/projects', '{"name": ', 400, undefined, /not valid JSON/],
    [
      'JSON that is not an object',
      'POST',
      () => '/projects',
      '[1,2]',
      400,
      undefined,
      /must be a JSON object, got an array/,
    ],
    [
      'a JSON string body',
      'PUT',
      () => `/mocks/${ids.mockId}`,
      '"text"',
      400,
      undefined,
      /must be a JSON object, got a string/,
    ],
    ['missing project name', 'POST', () => '/projects', {}, 400, 'name', /name is required/],
    ['name of the wrong type', 'POST', () => '/projects', { name: 42 }, 400, 'name', /name/],
    ['isPublic as a string', 'POST', () => '/projects', { name: 'x', isPublic: 'yes' }, 400, 'isPublic', /isPublic/],
    ['a bad slug', 'PUT', () => `/projects/${ids.projectId}`, { slug: 'Not A Slug' }, 400, 'slug', /slug/],
    [
      'unknown method',
      'POST',
      () => `/projects/${ids.projectId}/mocks`,
      { name: 'm', path: '/x', method: 'FETCH' },
      400,
      'method',
      /GET, POST, PUT, DELETE, PATCH/,
    ],
    [
      'path without slash',
      'POST',
      () => `/projects/${ids.projectId}/mocks`,
      { name: 'm', path: 'users', method: 'GET' },
      400,
      'path',
      /start with "\/"/,
    ],
    [
      'path with a query string',
      'POST',
      () => `/projects/${ids.projectId}/mocks`,
      { name: 'm', path: '/u?x=1', method: 'GET' },
      400,
      'path',
      /query/,
    ],
    ['negative delay', 'PUT', () => `/mocks/${ids.mockId}`, { responseDelay: -1 }, 400, 'responseDelay', /negative/],
    ['isActive as a number', 'PUT', () => `/mocks/${ids.mockId}`, { isActive: 1 }, 400, 'isActive', /isActive/],
    [
      'unknown responseType',
      'PUT',
      () => `/mocks/${ids.mockId}`,
      { responseType: 'yaml' },
      400,
      'responseType',
      /json, xml, text, html/,
    ],
    [
      'body that is not a string',
      'POST',
      () => `/mocks/${ids.mockId}/responses`,
      { body: { users: [] } },
      400,
      'body',
      /string/,
    ],
    [
      'status code out of range',
      'POST',
      () => `/mocks/${ids.mockId}/responses`,
      { statusCode: 99 },
      400,
      'statusCode',
      /100 and 599/,
    ],
    [
      'headers as an array',
      'POST',
      () => `/mocks/${ids.mockId}/responses`,
      { headers: ['X-A'] },
      400,
      'headers',
      /headers|record|object/i,
    ],
    [
      'header value with a newline',
      'PUT',
      () => `/mocks/${ids.mockId}/responses/${ids.responseIds[0]}`,
      { headers: { 'X-A': 'a\r\nb' } },
      400,
      'headers.X-A',
      /line breaks/,
    ],
    ['negative weight', 'POST', () => `/mocks/${ids.mockId}/responses`, { weight: -5 }, 400, 'weight', /negative/],
    [
      'a bad regex in a condition',
      'POST',
      () => `/mocks/${ids.mockId}/responses`,
      { conditions: [{ type: 'header', field: 'x-role', operator: 'regex', value: '(unclosed' }] },
      400,
      'conditions.0.value',
      /regex/,
    ],
    [
      'unknown condition type',
      'POST',
      () => `/mocks/${ids.mockId}/responses`,
      { conditions: [{ type: 'smell', field: 'a', operator: 'equals', value: 'b' }] },
      400,
      'conditions.0.type',
      /type/,
    ],
    [
      'batch-create without name',
      'POST',
      () => '/projects/batch-create',
      { endpoints: [] },
      400,
      'name',
      /name is required/,
    ],
    [
      'batch-create endpoints not an array',
      'POST',
      () => '/projects/batch-create',
      { name: 'b', endpoints: {} },
      400,
      'endpoints',
      /endpoints/,
    ],
    ['slug taken', 'PUT', () => `/projects/${ids.projectId}`, { slug: 'taken-slug' }, 409, 'slug', /already used/],
    ['port taken', 'PUT', () => `/projects/${ids.projectId}`, { port: 45678 }, 409, 'port', /already assigned/],
    ['unknown project', 'GET', () => '/projects/does-not-exist', undefined, 404, undefined, /does not exist/],
    [
      'mock in an unknown project',
      'POST',
      () => '/projects/does-not-exist/mocks',
      { name: 'm', path: '/x', method: 'GET' },
      404,
      undefined,
      /does not exist/,
    ],
    ['unknown mock', 'PUT', () => '/mocks/does-not-exist', { name: 'x' }, 404, undefined, /does not exist/],
    [
      'unknown response',
      'PUT',
      () => `/mocks/${ids.mockId}/responses/does-not-exist`,
      { name: 'x' },
      404,
      undefined,
      /does not exist/,
    ],
    [
      'duplicate of an unknown mock',
      'POST',
      () => '/mocks/does-not-exist/duplicate',
      undefined,
      404,
      undefined,
      /does not exist/,
    ],
  ];

  beforeAll(async () => {
    await api.call('POST', '/projects', { name: 'Taken', slug: 'taken-slug', port: 45678 });
  });

  it.each(cases)('%s', async (_label, method, path, body, status, field, message) => {
    const r = await api.call(method, path(), body);
    expect(r.status).toBe(status);
    expect(typeof r.json.error).toBe('string');
    expect(r.json.message).toMatch(message);
    if (field !== undefined) expect(r.json.field).toBe(field);
  });

  it('tells a user who sent an object body to JSON.stringify it', async () => {
    const r = await api.call('POST', `/mocks/${ids.mockId}/responses`, { body: { a: 1 } });
    expect(r.json.hint).toMatch(/JSON\.stringify/);
  });

  it('reads a JSON body whatever its content type (curl -d sends form encoding)', async () => {
    const r = await api.call('POST', '/projects', '{"name":"Form Encoded"}', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(201);
    expect(r.json.data.name).toBe('Form Encoded');
  });

  it('refused writes left nothing behind', async () => {
    const projects = (await api.call('GET', '/projects')).json.data.map((p: { name: string }) => p.name);
    expect(projects.sort()).toEqual(['Form Encoded', 'Shop API', 'Taken']);
    expect((await api.call('GET', `/mocks/${ids.mockId}/responses`)).json.data).toHaveLength(2);
    expect((await api.call('GET', `/projects/${ids.projectId}/mocks`)).json.data).toHaveLength(2);
  });
});
