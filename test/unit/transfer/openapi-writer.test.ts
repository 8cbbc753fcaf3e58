import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectDraftSchema } from '../../../shared/models';
import { FORMAT_WRITERS, readDocument } from '../../../main/core/transfer';
import { PROJECT_FILE_KIND, PROJECT_FILE_VERSION, type ProjectFile } from '../../../main/core/transfer';

const draft = projectDraftSchema.parse({
  project: { name: 'Shop API', description: 'orders and users', slug: 'shop-api' },
  mocks: [
    {
      name: 'List users',
      path: '/users',
      method: 'GET',
      responses: [
        { name: 'Not found', statusCode: 404, body: '{"error":"none"}' },
        {
          name: 'All users',
          statusCode: 200,
          body: '[{"id":1,"name":"Ada"}]',
          isDefault: true,
          headers: { 'X-Total': '1', 'Set-Cookie': ['a=1', 'b=2'] },
        },
        {
          name: 'Empty page',
          statusCode: 200,
          body: '[]',
          conditions: [{ type: 'query', field: 'page', operator: 'equals', value: '9' }],
        },
      ],
    },
    {
      name: 'User by id',
      path: '/users/{id}',
      method: 'GET',
      responses: [{ name: 'One user', statusCode: 200, body: '{"id":"{{request.params.id}}","seen":{{now}}}' }],
    },
    { name: 'Delete user', path: '/users/{id}', method: 'DELETE', responses: [{ name: 'Gone', statusCode: 204 }] },
    {
      name: 'Health',
      path: '/health',
      method: 'GET',
      responseType: 'text',
      responses: [
        { name: 'Up', statusCode: 503, body: 'down' },
        { name: 'Fine', statusCode: 200, body: 'ok', isDefault: true },
      ],
    },
  ],
});
const file: ProjectFile = {
  mockdeck: PROJECT_FILE_KIND,
  version: PROJECT_FILE_VERSION,
  exportedAt: '2026-01-01T00:00:00Z',
  project: { ...draft.project, slug: 'shop-api', port: null, chaos: null },
  mocks: draft.mocks,
  buckets: [],
};
const writer = FORMAT_WRITERS.find((w) => w.id === 'openapi')!;

describe('OpenAPI 3.1 writer', () => {
  it('writes YAML with paths, path parameters, a response per status and every response as a named example', () => {
    const out = writer.write(file);
    expect(out.fileName).toBe('shop-api.openapi.yaml');
    const doc = parseYaml(out.text);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/users', '/users/{id}', '/health']);
    expect(doc.paths['/users/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    const list = doc.paths['/users'].get.responses;
    expect(Object.keys(list['200'].content['application/json'].examples)).toEqual(['All_users', 'Empty_page']);
    // A repeated header is described once: its first line the example, every line in the description.
    expect(list['200'].headers).toEqual({
      'X-Total': { schema: { type: 'string' }, example: '1' },
      'Set-Cookie': { description: 'sent 2 times: a=1 | b=2', schema: { type: 'string' }, example: 'a=1' },
    });
    // The templated body stays a template, marked, and the export says so.
    const tmpl = doc.paths['/users/{id}'].get.responses['200'].content['application/json'].examples.One_user;
    expect(tmpl).toMatchObject({ 'x-mockdeck-template': true, value: '{"id":"{{request.params.id}}","seen":{{now}}}' });
    expect(out.warnings.join('\n')).toMatch(/1 templated response\(s\).*x-mockdeck-template/);
    expect(out.warnings.join('\n')).toMatch(/conditions, scenarios or weights/);
  });

  it('round-trips MockDeck → OpenAPI → MockDeck keeping every operation, status and example', async () => {
    const text = writer.write(file).text;
    const back = await readDocument({ content: text, format: 'auto' });
    expect(back.format).toBe('openapi');
    const shape = (mocks: typeof draft.mocks) =>
      mocks.map((m) => ({
        op: `${m.method} ${m.path}`,
        type: m.responseType,
        responses: m.responses.map((r) => ({
          status: r.statusCode,
          name: r.name,
          isDefault: r.isDefault,
          body: /^[[{]/.test(r.body) && !r.body.includes('{{') ? JSON.parse(r.body) : r.body,
          templated: r.body.includes('{{') && !r.disableTemplating,
        })),
      }));
    const sortByDefault = (mocks: typeof draft.mocks) =>
      mocks.map((m) => ({
        ...m,
        responses: [...m.responses].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)),
      }));
    const expected = shape(sortByDefault(draft.mocks)).map((m) => ({
      ...m,
      // A mock without a marked default answers its first response: that one becomes the default.
      // A bodiless response has no example to carry its name: it comes back as "<status> <description>".
      responses: m.responses.map((r, i) => ({
        ...r,
        isDefault: i === 0,
        name: r.body === '' ? `${r.status} ${r.name}` : r.name,
      })),
    }));
    const got = shape(back.draft.mocks);
    // Same status responses stay together in the export (OpenAPI groups by status).
    const byStatusOrder = (m: (typeof expected)[number]) => ({
      ...m,
      responses: [m.responses[0]!, ...m.responses.slice(1).sort((a, b) => a.status - b.status)],
    });
    expect(got.map(byStatusOrder)).toEqual(expected.map(byStatusOrder));
  });
});
