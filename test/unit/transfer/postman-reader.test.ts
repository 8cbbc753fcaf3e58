import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../main/core/transfer/formats/registry';

const collection = {
  info: {
    name: 'Shop',
    description: 'The shop API',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  variable: [
    { key: 'baseUrl', value: 'https://api.shop.test/v1' },
    { key: 'userId', value: '42' },
  ],
  event: [{ listen: 'prerequest', script: { exec: ['pm.environment.set("x", 1)'] } }],
  item: [
    {
      name: 'Users',
      item: [
        {
          name: 'Get user',
          request: { method: 'GET', url: { raw: '{{baseUrl}}/users/:id?expand=1', path: ['users', ':id'] } },
          response: [
            {
              name: 'Found',
              code: 200,
              status: 'OK',
              header: [
                { key: 'Content-Type', value: 'application/json' },
                { key: 'Content-Length', value: '17' },
                { key: 'Set-Cookie', value: 'a=1; Path=/' },
                { key: 'set-cookie', value: 'b=2' },
              ],
              body: '{"id": "{{userId}}"}',
            },
            { name: 'Missing', code: 404, header: [], body: '{"error":"not found"}', _postman_previewlanguage: 'json' },
          ],
        },
        {
          name: 'Me',
          request: { method: 'GET', url: '{{baseUrl}}/users/{{userId}}/profile' },
          response: [],
        },
      ],
    },
    { name: 'Order', request: { method: 'POST', url: '{{host}}/orders/{{orderId}}' } },
    { name: 'Probe', request: { method: 'HEAD', url: '{{baseUrl}}/health' } },
  ],
};

describe('Postman collection v2.1 reader', () => {
  it('detects the collection, makes a mock per request with its examples as responses', async () => {
    const read = await readDocument({ content: JSON.stringify(collection), format: 'auto' });
    expect(read.format).toBe('postman');
    expect(read.draft.project.name).toBe('Shop');
    const byRoute = Object.fromEntries(read.draft.mocks.map((m) => [`${m.method} ${m.path}`, m]));
    expect(Object.keys(byRoute).sort()).toEqual([
      'GET /v1/users/42/profile',
      'GET /v1/users/{id}',
      'HEAD /v1/health',
      'POST /orders/{orderId}',
    ]);
    const get = byRoute['GET /v1/users/{id}']!;
    expect(get.name).toBe('Users / Get user');
    expect(get.responses.map((r) => [r.statusCode, r.isDefault, r.weight])).toEqual([
      [200, true, 100],
      [404, false, 0],
    ]);
    // Example bodies are data: kept as written, templating off, hop-by-hop headers dropped.
    expect(get.responses[0]!.body).toBe('{"id": "{{userId}}"}');
    expect(get.responses[0]!.disableTemplating).toBe(true);
    // A repeated header keeps each line, in order.
    expect(get.responses[0]!.headers).toEqual({
      'content-type': 'application/json',
      'set-cookie': ['a=1; Path=/', 'b=2'],
    });
    expect(get.responseType).toBe('json');
  });

  it('reports the base path, drops it on request, and lists what it could not map', async () => {
    const kept = await readDocument({ content: JSON.stringify(collection), format: 'postman' });
    expect(kept.report.basePath).toEqual({ path: '/v1', kept: true });
    const dropped = await readDocument({ content: JSON.stringify(collection), format: 'postman', basePath: 'drop' });
    expect(dropped.draft.mocks.map((m) => m.path)).toContain('/users/{id}');
    expect(dropped.report.basePath).toEqual({ path: '/v1', kept: false });
    const what = kept.report.skipped.map((s) => s.what);
    expect(what).not.toContain('HEAD /v1/health');
    expect(what.some((w) => /script/.test(w))).toBe(true);
    expect(kept.report.warnings.join('\n')).toMatch(/\{\{orderId\}\} has no value/);
    expect(kept.report.warnings.join('\n')).toMatch(/3 request\(s\) have no saved example/);
  });
});
