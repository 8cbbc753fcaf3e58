import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Federation, FederationRoute } from '../../../shared/models';
import { startHarness, type Harness } from '../execution/harness';

const TOKEN = 'federation-test-token-0123456789';
let h: Harness;
let auth: string;
let payments: string;

beforeEach(async () => {
  h = await startHarness({ apiToken: TOKEN });
  auth = h.project.id;
  payments = h.core.catalog.projects.create({ name: 'Payments', slug: 'payments' }).id;
});
afterEach(() => h.close());

async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(`${h.base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const shop = () => ({
  name: 'e-commerce-platform',
  description: 'Federated e-commerce system',
  org_id: '550e8400-e29b-41d4-a716-446655440001',
  services: [
    { name: 'auth', workspace_id: auth, base_path: '/auth', reality_level: 'real', config: {}, dependencies: [] },
    {
      name: 'payments',
      workspace_id: payments,
      base_path: '/payments',
      reality_level: 'mock_v3',
      config: {},
      dependencies: ['auth'],
    },
  ],
});

/** The documented error shape: exactly {error, message}. */
function expectError(r: { status: number; json: unknown }, status: number, word: string, text: RegExp): void {
  expect(r.status).toBe(status);
  const body = r.json as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(body.error).toBe(word);
  expect(body.message).toMatch(text);
}

describe('POST /api/v1/federation', () => {
  it('creates a federation and answers 200 with the documented fields', async () => {
    const r = await api('POST', '/federation', shop());
    expect(r.status).toBe(200);
    const f = r.json as Federation;
    expect(Object.keys(f).sort()).toEqual([
      'created_at',
      'description',
      'id',
      'name',
      'org_id',
      'services',
      'updated_at',
    ]);
    expect(f.name).toBe('e-commerce-platform');
    expect(f.org_id).toBe('550e8400-e29b-41d4-a716-446655440001');
    expect(f.services[1]).toEqual(shop().services[1]);
    expect(f.created_at).toBe(f.updated_at);
    // Stored: the same federation comes back, also after a restart of the use-case layer's reads.
    expect((await api('GET', `/federation/${f.id}`)).json).toEqual(f);
  });

  it('takes no org_id locally and fills config and dependencies', async () => {
    const r = await api('POST', '/federation', {
      name: 'local',
      services: [{ name: 'a', workspace_id: auth, base_path: '/a/', reality_level: 'blended' }],
    });
    expect(r.status).toBe(200);
    const f = r.json as Federation;
    expect(f.org_id).toBeNull();
    expect(f.services[0]).toMatchObject({ base_path: '/a', config: {}, dependencies: [] });
  });

  it.each([
    ['a missing name', { services: [] }, /name is required/],
    [
      'an unknown reality level',
      { name: 'x', services: [{ name: 'a', workspace_id: 'p', base_path: '/a', reality_level: 'mock_v9' }] },
      /reality_level must be one of real, mock_v3, blended, chaos_driven/,
    ],
    [
      'a base path without "/"',
      { name: 'x', services: [{ name: 'a', workspace_id: 'p', base_path: 'auth', reality_level: 'real' }] },
      /base_path must start with "\/"/,
    ],
    [
      'a dependency on an unknown service',
      {
        name: 'x',
        services: [{ name: 'a', workspace_id: 'p', base_path: '/a', reality_level: 'real', dependencies: ['ghost'] }],
      },
      /depends on "ghost", which is not a service/,
    ],
    ['a JSON array body', '[]', /must be a JSON object/],
    ['broken JSON', '{"name":', /not valid JSON/],
  ])('refuses %s with 400 in the documented shape', async (_what, body, text) => {
    expectError(await api('POST', '/federation', body), 400, 'Invalid request', text);
  });

  it('refuses a dependency cycle, naming it', async () => {
    const body = shop();
    body.services[0]!.dependencies = ['payments'];
    expectError(
      await api('POST', '/federation', body),
      400,
      'Invalid request',
      /dependency cycle: (auth → payments → auth|payments → auth → payments)/,
    );
  });

  it('refuses two services on one base path ("/auth" and "/auth/")', async () => {
    const body = shop();
    body.services[1]!.base_path = '/auth/';
    expectError(
      await api('POST', '/federation', body),
      400,
      'Invalid request',
      /"auth" and "payments" overlap: both have base_path "\/auth"/,
    );
  });

  it('refuses a workspace_id that is not a project, and a name already used', async () => {
    const body = shop();
    body.services[1]!.workspace_id = 'no-such-project';
    expectError(
      await api('POST', '/federation', body),
      400,
      'Invalid request',
      /"no-such-project", which is not a MockDeck project.*services\.1\.workspace_id/,
    );
    expect((await api('POST', '/federation', shop())).status).toBe(200);
    expectError(await api('POST', '/federation', shop()), 400, 'Invalid request', /already exists/);
    expect((await api('GET', '/federation')).json).toHaveLength(1);
  });

  it('needs the Bearer token', async () => {
    const res = await fetch(`${h.base}/api/v1/federation`);
    expect(res.status).toBe(401);
  });
});

describe('GET /api/v1/federation', () => {
  it('lists oldest first, filters on org_id and pages with limit and offset', async () => {
    const names = ['one', 'two', 'three', 'four'];
    for (const [i, name] of names.entries()) {
      const r = await api('POST', '/federation', { name, org_id: i % 2 === 0 ? 'org-a' : 'org-b', services: [] });
      expect(r.status).toBe(200);
    }
    const all = (await api('GET', '/federation')).json as Federation[];
    expect(all.map((f) => f.name)).toEqual(names);
    const orgA = (await api('GET', '/federation?org_id=org-a')).json as Federation[];
    expect(orgA.map((f) => f.name)).toEqual(['one', 'three']);
    expect((await api('GET', '/federation?org_id=nobody')).json as Federation[]).toEqual([]);
    const page = (await api('GET', '/federation?limit=2&offset=1')).json as Federation[];
    expect(page.map((f) => f.name)).toEqual(['two', 'three']);
    expect((await api('GET', '/federation?offset=10')).json as Federation[]).toEqual([]);
  });

  it.each([
    ['limit=0', /limit must be a whole number from 1 to 100, got "0"/],
    ['limit=abc', /limit must be a whole number/],
    ['offset=-1', /offset must be a whole number from 0/],
    ['limit=1&limit=2', /limit must be given once/],
  ])('refuses %s with 400', async (q, text) => {
    expectError(await api('GET', `/federation?${q}`), 400, 'Invalid request', text);
  });
});

describe('GET, PATCH, DELETE /api/v1/federation/{id}', () => {
  it('gets, patches (validated as a whole) and deletes with 204', async () => {
    const f = (await api('POST', '/federation', shop())).json as Federation;
    const patched = await api('PATCH', `/federation/${f.id}`, {
      name: 'updated-federation-name',
      description: 'Updated description',
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      id: f.id,
      name: 'updated-federation-name',
      description: 'Updated description',
      services: f.services,
    });

    const services = f.services.map((s) => ({ ...s, dependencies: s.name === 'auth' ? ['payments'] : s.dependencies }));
    expectError(await api('PATCH', `/federation/${f.id}`, { services }), 400, 'Invalid request', /dependency cycle/);
    expect(((await api('GET', `/federation/${f.id}`)).json as Federation).services).toEqual(f.services);

    const del = await api('DELETE', `/federation/${f.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expectError(await api('GET', `/federation/${f.id}`), 404, 'Not found', /Federation not found/);
  });

  it('answers 404 in the documented shape for an unknown id, on every route', async () => {
    for (const [method, path, body] of [
      ['GET', '/federation/nope', undefined],
      ['PATCH', '/federation/nope', { name: 'x' }],
      ['DELETE', '/federation/nope', undefined],
      ['POST', '/federation/nope/route', { path: '/a' }],
      ['GET', '/federation/nope/unknown/route', undefined],
    ] as const) {
      expectError(await api(method, path, body), 404, 'Not found', /nope/);
    }
  });
});

describe('POST /api/v1/federation/{id}/route', () => {
  it('names the service the longest base path picks, and the path it sees', async () => {
    const body = shop();
    body.services.push({
      name: 'admin',
      workspace_id: payments,
      base_path: '/payments/admin',
      reality_level: 'chaos_driven',
      config: {},
      dependencies: [],
    });
    const f = (await api('POST', '/federation', body)).json as Federation;
    const route = async (path: string) =>
      (await api('POST', `/federation/${f.id}/route`, { path, method: 'GET', headers: {}, body: null }))
        .json as FederationRoute;
    expect(await route('/auth/login')).toEqual({
      workspace_id: auth,
      service: { name: 'auth', workspace_id: auth, base_path: '/auth', reality_level: 'real' },
      service_path: '/login',
    });
    expect((await route('/payments/admin/refunds?x=1')).service.name).toBe('admin');
    expect((await route('/payments/admin/refunds')).service_path).toBe('/refunds');
    expect((await route('/payments/administrator')).service.name).toBe('payments');
    expect((await route('/payments')).service_path).toBe('/');
    expectError(
      await api('POST', `/federation/${f.id}/route`, { path: '/inventory/1' }),
      404,
      'Not found',
      /no service .* matching "\/inventory\/1"/,
    );
    expectError(
      await api('POST', `/federation/${f.id}/route`, { path: 'auth' }),
      400,
      'Invalid request',
      /path must start with "\/"/,
    );
  });
});
