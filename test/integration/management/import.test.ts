import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

const petstore = readFileSync(path.join(__dirname, '../../fixtures/openapi/petstore-2.0.yaml'), 'utf8');

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

describe('POST /projects/import', () => {
  it('creates a project from an OpenAPI document: 201 with the wire project and the report', async () => {
    const r = await api.call('POST', '/projects/import', { content: petstore, format: 'auto' });
    expect(r.status).toBe(201);
    expect(r.json.project).toMatchObject({
      name: 'Swagger Petstore',
      slug: 'swagger-petstore',
      mock_count: 4,
      is_public: 0,
    });
    // The same wire shape GET /projects/:id answers.
    const got = await api.call('GET', `/projects/${r.json.project.project_id}`);
    const { mocks, ...wire } = got.json.data;
    expect(r.json.project).toEqual(wire);
    expect(mocks.map((m: { method: string; path: string }) => `${m.method} ${m.path}`)).toEqual([
      'GET /v2/pets',
      'POST /v2/pets',
      'GET /v2/pets/{petId}',
      'HEAD /v2/pets/{petId}',
    ]);
    expect(r.json.report).toMatchObject({
      format: 'openapi',
      basePath: { path: '/v2', kept: true },
      created: { mocks: 4, responses: 6, buckets: 0 },
      skipped: [],
    });
  });

  it('takes name and basePath drop', async () => {
    const r = await api.call('POST', '/projects/import', { content: petstore, name: 'Pets', basePath: 'drop' });
    expect(r.status).toBe(201);
    expect(r.json.project).toMatchObject({ name: 'Pets', slug: 'pets' });
    expect(r.json.report.basePath).toEqual({ path: '/v2', kept: false });
    const mocks = await api.call('GET', `/projects/${r.json.project.project_id}/mocks`);
    expect(mocks.json.data[0].path).toBe('/pets');
  });

  it.each<[string, unknown, RegExp]>([
    ['no content', { format: 'auto' }, /content is required/],
    [
      'content not a string',
      { content: { openapi: '3.0.0' } },
      /content is required: the document to import, as a string/,
    ],
    ['an unknown format', { content: petstore, format: 'wsdl' }, /format must be auto or one of native, openapi/],
    ['a bad basePath', { content: petstore, basePath: 'strip' }, /basePath must be keep or drop/],
    ['an unknown field', { content: petstore, fromat: 'openapi' }, /fromat/],
    ['a document of no known format', { content: '{"hello":1}' }, /not a document MockDeck can import/],
    ['broken JSON', { content: '{"openapi":' }, /is not valid JSON/],
    ['an OpenAPI version it does not read', { content: 'openapi: 4.0.0\npaths: {}' }, /does not read/],
  ])('400 in the documented error shape for %s', async (_what, body, message) => {
    const before = (await api.call('GET', '/projects')).json.data.length;
    const r = await api.call('POST', '/projects/import', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('VALIDATION_ERROR');
    expect(r.json.message).toMatch(message);
    expect((await api.call('GET', '/projects')).json.data.length).toBe(before);
  });

  it("reads bodies past the other routes' 32 MiB limit (documents up to 64 MiB)", async () => {
    // A 40 MB document: a valid OpenAPI file whose description pads it out.
    const doc = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Big', version: '1', 'x-padding': 'x'.repeat(40 * 1024 * 1024) },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
    });
    const r = await api.call('POST', '/projects/import', { content: doc });
    expect(r.status).toBe(201);
    expect(r.json.project.mock_count).toBe(1);
    const other = await api.call('POST', '/projects', { name: 'x', description: 'y'.repeat(33 * 1024 * 1024) });
    expect(other.status).toBe(413);
  }, 60_000);
});
