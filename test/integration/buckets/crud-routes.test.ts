import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { MAX_BUCKET_BYTES } from '../../../shared/models';

/**
 * CRUD routes over real HTTP (Mockoon's behaviour, docs/data-buckets.md): a mock of kind
 * `crud` at /users serves the bucket "users" at /users and /users/<key>; writes persist in
 * catalog.db across a restart of the app on the same data dir, until the bucket is reset.
 */

const TOKEN = 'bucket-test-token-0123456789';
const USERS = [
  { id: 1, name: 'Ada', age: 36, team: { name: 'core' } },
  { id: 2, name: 'bob', age: 25, team: { name: 'web' } },
  { id: 3, name: 'Cy', age: 41, team: { name: 'core' } },
];

let dataDir: string;
let app: App;
let base: string;
let bucketId: string;

async function open(): Promise<void> {
  app = await openApp({ dataDir, port: 0, apiToken: TOKEN, logFlushMs: 20 });
  base = (await app.core.server.start()).url!;
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'mockdeck-buckets-'));
  await open();
  const { catalog } = app.core;
  const project = catalog.projects.create({ name: 'Shop', slug: 'shop' });
  bucketId = catalog.buckets.create(project.id, { name: 'users', content: JSON.stringify(USERS) }).id;
  catalog.mocks.create(project.id, { name: 'Users', path: '/users', method: 'GET', kind: 'crud', bucket: 'users' });
});

afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Json = unknown;
async function http(
  method: string,
  p: string,
  body?: string,
): Promise<{ status: number; json: Json; headers: Headers }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = body;
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(`${base}/m/shop${p}`, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : undefined, headers: res.headers };
}
const send = (method: string, p: string, value?: unknown) =>
  http(method, p, value === undefined ? undefined : JSON.stringify(value));
const ids = (json: Json) => (json as { id: unknown }[]).map((u) => u.id);

describe('GET on the collection', () => {
  it('lists the bucket with its counts', async () => {
    const r = await http('GET', '/users');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.json).toEqual(USERS);
    expect(r.headers.get('x-total-count')).toBe('3');
    expect(r.headers.get('x-filtered-count')).toBe('3');
  });

  it('filters with Mockoon operators, on dotted paths, and searches full text', async () => {
    expect(ids((await http('GET', '/users?age_gte=36')).json)).toEqual([1, 3]);
    expect(ids((await http('GET', '/users?age_lt=36')).json)).toEqual([2]);
    expect(ids((await http('GET', '/users?name_eq=bob')).json)).toEqual([2]);
    expect(ids((await http('GET', '/users?id_ne=2')).json)).toEqual([1, 3]);
    expect(ids((await http('GET', '/users?name_like=^a')).json)).toEqual([1]);
    expect(ids((await http('GET', '/users?name_start=c')).json)).toEqual([3]);
    expect(ids((await http('GET', '/users?name_end=B')).json)).toEqual([2]);
    expect(ids((await http('GET', '/users?team.name_eq=core')).json)).toEqual([1, 3]);
    const searched = await http('GET', '/users?search=WEB');
    expect(ids(searched.json)).toEqual([2]);
    expect(searched.headers.get('x-total-count')).toBe('3');
    expect(searched.headers.get('x-filtered-count')).toBe('1');
  });

  it('sorts (strings case-insensitively) and pages', async () => {
    expect(ids((await http('GET', '/users?sort=name')).json)).toEqual([1, 2, 3]);
    expect(ids((await http('GET', '/users?sort=name&order=desc')).json)).toEqual([3, 2, 1]);
    expect(ids((await http('GET', '/users?sort=age&order=desc')).json)).toEqual([3, 1, 2]);
    expect(ids((await http('GET', '/users?sort=id&page=2&limit=2')).json)).toEqual([3]);
    expect(ids((await http('GET', '/users?limit=1')).json)).toEqual([1]);
    // page alone: Mockoon's default limit is 10.
    expect(ids((await http('GET', '/users?page=1')).json)).toEqual([1, 2, 3]);
    expect((await http('GET', '/users?page=2')).json).toEqual([]);
  });
});

describe('one item', () => {
  it('GET by key, 404 naming the key when there is none', async () => {
    expect(await send('GET', '/users/2')).toMatchObject({ status: 200, json: USERS[1] });
    const missing = await send('GET', '/users/99');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: 'NOT_FOUND', message: expect.stringContaining('"99"') as string });
  });

  it('POST creates, assigning the next numeric key when missing; bad JSON is a 400', async () => {
    const created = await send('POST', '/users', { name: 'Dee' });
    expect(created).toMatchObject({ status: 201, json: { id: 4, name: 'Dee' } });
    expect(await send('POST', '/users', { id: 'x7', name: 'Eve' })).toMatchObject({ status: 201, json: { id: 'x7' } });
    expect(ids((await http('GET', '/users')).json)).toEqual([1, 2, 3, 4, 'x7']);
    const bad = await http('POST', '/users', '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'INVALID_JSON' });
    expect((await http('GET', '/users')).headers.get('x-total-count')).toBe('5');
  });

  it('PUT replaces (keeping the key), PATCH merges, DELETE removes', async () => {
    expect(await send('PUT', '/users/2', { name: 'Bob' })).toMatchObject({ status: 200, json: { id: 2, name: 'Bob' } });
    expect((await send('GET', '/users/2')).json).toEqual({ id: 2, name: 'Bob' });
    expect(await send('PATCH', '/users/2', { age: 26 })).toMatchObject({
      status: 200,
      json: { id: 2, name: 'Bob', age: 26 },
    });
    expect(await send('DELETE', '/users/2')).toMatchObject({ status: 200 });
    expect((await send('GET', '/users/2')).status).toBe(404);
    expect((await send('PUT', '/users/2', { name: 'x' })).status).toBe(404);
    expect((await send('PATCH', '/users/2', { name: 'x' })).status).toBe(404);
    expect((await send('DELETE', '/users/2')).status).toBe(404);
    expect(ids((await http('GET', '/users')).json)).toEqual([1, 3]);
  });

  it('PUT and PATCH on the collection replace and append; DELETE clears it', async () => {
    expect(await send('PATCH', '/users', [{ id: 9 }])).toMatchObject({ status: 200 });
    expect(ids((await http('GET', '/users')).json)).toEqual([1, 2, 3, 9]);
    expect(await send('PUT', '/users', [{ id: 5 }])).toMatchObject({ status: 200, json: [{ id: 5 }] });
    expect((await http('GET', '/users')).json).toEqual([{ id: 5 }]);
    expect((await send('DELETE', '/users')).status).toBe(200);
    expect((await http('GET', '/users')).json).toBeNull();
  });
});

describe('persistence and reset', () => {
  it('keeps writes across a restart of the app on the same data dir, until reset', async () => {
    await send('POST', '/users', { name: 'Dee' });
    await send('DELETE', '/users/1');
    await app.close();
    await open();
    expect(ids((await http('GET', '/users')).json)).toEqual([2, 3, 4]);

    const reset = await app.core.router.call('buckets.reset', { id: bucketId }, { transport: 'direct' });
    expect(reset.ok).toBe(true);
    expect((await http('GET', '/users')).json).toEqual(USERS);
    await app.close();
    await open();
    expect((await http('GET', '/users')).json).toEqual(USERS);
  });

  it('shows the current value over the management API, and resets there', async () => {
    await send('POST', '/users', { name: 'Dee' });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const shown = await fetch(`${base}/buckets/${bucketId}`, { headers: auth });
    const body = (await shown.json()) as { data: { value: string; name: string } };
    expect(body.data.name).toBe('users');
    expect(ids(JSON.parse(body.data.value))).toEqual([1, 2, 3, 4]);
    const reset = await fetch(`${base}/buckets/${bucketId}/reset`, { method: 'POST', headers: auth });
    expect(reset.status).toBe(200);
    expect((await http('GET', '/users')).json).toEqual(USERS);
  });

  it('creates, edits, lists and deletes buckets over the management API, with 400 and 409 naming the field', async () => {
    const project = app.core.catalog.projects.list()[0]!;
    const rest = async (method: string, p: string, body?: unknown) => {
      const init: RequestInit = {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      };
      if (body !== undefined) init.body = JSON.stringify(body);
      const res = await fetch(`${base}${p}`, init);
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const bad = await rest('POST', `/projects/${project.id}/buckets`, { name: 'orders', content: '[1,' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ field: 'content' });
    expect((await rest('POST', `/projects/${project.id}/buckets`, { name: 'users' })).status).toBe(409);
    const created = await rest('POST', `/projects/${project.id}/buckets`, { name: 'orders', content: '[]' });
    expect(created.status).toBe(201);
    const id = (created.json.data as { bucket_id: string }).bucket_id;
    expect((await rest('PUT', `/buckets/${id}`, { description: 'all orders' })).json.data).toMatchObject({
      description: 'all orders',
      templated: 0,
    });
    const listed = (await rest('GET', `/projects/${project.id}/buckets`)).json.data as { name: string }[];
    expect(listed.map((b) => b.name)).toEqual(['users', 'orders']);
    expect((await rest('DELETE', `/buckets/${id}`)).status).toBe(200);
    expect((await rest('GET', `/buckets/${id}`)).status).toBe(404);
  });

  it('editing the content resets the value to the new content', async () => {
    await send('POST', '/users', { name: 'Dee' });
    app.core.catalog.buckets.update(bucketId, { content: '[{"id": 10}]' });
    expect((await http('GET', '/users')).json).toEqual([{ id: 10 }]);
  });

  it('a description edit keeps what requests wrote', async () => {
    await send('POST', '/users', { name: 'Dee' });
    app.core.catalog.buckets.update(bucketId, { description: 'people' });
    expect(ids((await http('GET', '/users')).json)).toEqual([1, 2, 3, 4]);
  });
});

describe('templated buckets', () => {
  it('are rendered by the template engine when the project starts serving them, and again after a reset', async () => {
    const { catalog } = app.core;
    const project = catalog.projects.list()[0]!;
    const seeded = catalog.buckets.create(project.id, {
      name: 'seeded',
      content: '[{"id": {{add 1 2}}, "name": "{{lowercase \'ADA\'}}", "others": {{len (dataRaw \'users\')}} }]',
      templated: true,
    });
    catalog.mocks.create(project.id, { name: 'S', path: '/seeded', method: 'GET', kind: 'crud', bucket: 'seeded' });
    expect((await http('GET', '/seeded')).json).toEqual([{ id: 3, name: 'ada', others: 3 }]);
    await send('POST', '/seeded', { name: 'x' });
    expect(ids((await http('GET', '/seeded')).json)).toEqual([3, 4]);
    catalog.buckets.reset(seeded.id);
    expect((await http('GET', '/seeded')).json).toEqual([{ id: 3, name: 'ada', others: 3 }]);
  });

  it('a template that does not render leaves the content as written (a string), and the server answers', async () => {
    const { catalog } = app.core;
    const project = catalog.projects.list()[0]!;
    catalog.buckets.create(project.id, { name: 'broken', content: '{{#each}}', templated: true });
    catalog.mocks.create(project.id, { name: 'B', path: '/broken', method: 'GET', kind: 'crud', bucket: 'broken' });
    const r = await http('GET', '/broken');
    expect(r.status).toBe(200);
    expect(r.json).toBe('{{#each}}');
  });
});

describe('routing and limits', () => {
  it('an exact mock beats the CRUD item route; other methods on an item are not routed', async () => {
    const { catalog } = app.core;
    const project = catalog.projects.list()[0]!;
    const me = catalog.mocks.create(project.id, { name: 'Me', path: '/users/me', method: 'GET' });
    catalog.responses.create(me.id, { name: 'ok', statusCode: 200, body: '{"me":true}' });
    expect((await http('GET', '/users/me')).json).toEqual({ me: true });
    expect((await send('POST', '/users/1', {})).status).toBe(404);
  });

  it('a CRUD mock whose bucket does not exist answers BUCKET_NOT_FOUND naming it', async () => {
    const { catalog } = app.core;
    const project = catalog.projects.list()[0]!;
    catalog.mocks.create(project.id, {
      name: 'Orders',
      path: '/orders',
      method: 'GET',
      kind: 'crud',
      bucket: 'orders',
    });
    const r = await http('GET', '/orders');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: 'BUCKET_NOT_FOUND', message: expect.stringContaining('"orders"') as string });
  });

  it(`refuses a write that would make the bucket larger than ${MAX_BUCKET_BYTES} bytes, and keeps the bucket`, async () => {
    const half = 'x'.repeat(MAX_BUCKET_BYTES / 2);
    expect((await send('POST', '/users', { blob: half })).status).toBe(201);
    const r = await send('POST', '/users', { blob: half });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ error: 'BUCKET_TOO_LARGE' });
    expect((await http('GET', '/users')).headers.get('x-total-count')).toBe('4');
  });
});
