import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../../main/core/transfer/formats/markdown';
import { readDocument } from '../../../main/core/transfer/formats/registry';

const doc = [
  '# Zoo API',
  '',
  'Animals and their keepers.',
  '',
  '**Base URL:** `https://zoo.test/api`',
  '',
  '## Animals',
  '',
  '### List animals',
  '',
  '```http',
  'GET /animals?page=1',
  '```',
  '',
  '**Response:** `200 OK`',
  '```json',
  '{',
  '  // the first page',
  '  "items": [{ "id": 1, }],',
  '}',
  '```',
  '',
  '### Create animal',
  '',
  '**POST** `/animals`',
  '',
  '**Request Body:**',
  '```json',
  '{ "name": "Rex" }',
  '```',
  '',
  '**Response `201 Created`**',
  '```json',
  '{ "id": 2, "tags": [...] }',
  '```',
  '',
  '**Errors**',
  '',
  '| Status | Reason |',
  '|--------|--------|',
  '| `400` | name missing |',
  '| `409` | already exists |',
  '',
  '### `DELETE /animals/:id` removes one',
  '',
  '**Response:** `204 No Content`',
  '',
  '### Get animal',
  '',
  '**GET** `/animals/{animal_id}`',
  '',
  '**Response:** `200 OK` (same as Create animal)',
  '',
  '**Error Responses:**',
  '- `404` - no such animal',
  '',
  '## Keepers',
  '',
  '```',
  'GET /keepers',
  'PUT /keepers/{keeper_id}',
  'HEAD /keepers',
  '```',
  '',
  '## Errors',
  '',
  '**500 Internal Server Error**',
  '```json',
  '{ "error": "boom" }',
  '```',
  '',
  'GET requests are cached: this line is prose, not an endpoint.',
].join('\n');

describe('Markdown API reference reader', () => {
  it('finds endpoints in fences, bold lines and headings, with the documented responses', async () => {
    const read = await readDocument({ content: doc, format: 'auto', fileName: 'zoo.md' });
    expect(read.format).toBe('markdown');
    expect(read.draft.project.name).toBe('Zoo API');
    const routes = read.draft.mocks.map((m) => `${m.method} ${m.path}`);
    expect(routes).toEqual([
      'GET /api/animals',
      'POST /api/animals',
      'DELETE /api/animals/{id}',
      'GET /api/animals/{animal_id}',
      'GET /api/keepers',
      'PUT /api/keepers/{keeper_id}',
      'HEAD /api/keepers',
    ]);
    const [list, create, del, get] = read.draft.mocks;
    expect(list!.name).toBe('List animals');
    // JSON with comments and trailing commas: the JSON it means.
    expect(JSON.parse(list!.responses[0]!.body)).toEqual({ items: [{ id: 1 }] });
    // Placeholders: kept as written; documented error statuses: extra responses that never answer by chance.
    expect(create!.responses.map((r) => [r.statusCode, r.body, r.weight])).toEqual([
      [201, '{ "id": 2, "tags": [...] }', 100],
      [400, '', 0],
      [409, '', 0],
    ]);
    expect(create!.responses[1]!.name).toBe('400 name missing');
    expect(del!.responses.map((r) => r.statusCode)).toEqual([204]);
    // "(same as Create animal)" borrows that endpoint's example for the same status… when it has one.
    expect(get!.responses.map((r) => r.statusCode)).toEqual([200, 404]);
    expect(read.report.warnings.join('\n')).toMatch(/same as Create animal/);
  });

  it('reports the base URL path, and drops it on request', async () => {
    const kept = await readDocument({ content: doc, format: 'markdown' });
    expect(kept.report.basePath).toEqual({ path: '/api', kept: true });
    const dropped = await readDocument({ content: doc, format: 'markdown', basePath: 'drop' });
    expect(dropped.draft.mocks[0]!.path).toBe('/animals');
  });

  it('lists what it could not map: statuses documented for no endpoint (HEAD is a mock now)', async () => {
    const read = await readDocument({ content: doc, format: 'markdown' });
    const skipped = read.report.skipped.map((s) => `${s.what}: ${s.reason}`).join('\n');
    expect(skipped).not.toMatch(/HEAD \/api\/keepers/);
    expect(skipped).toMatch(/500 Internal Server Error.*no single endpoint/);
  });

  it('leaves broken JSON to the JSON error, even with an endpoint line in it', async () => {
    await expect(readDocument({ content: '{\n"x": 1,\nGET /users\n', format: 'auto' })).rejects.toThrow(
      /is not valid JSON/,
    );
  });

  it('refuses text without endpoints, naming what an endpoint line looks like', async () => {
    await expect(readDocument({ content: '# Notes\n\nnothing here', format: 'markdown' })).rejects.toThrow(
      /no endpoint/,
    );
  });

  it('keeps bodies: strict JSON as written, JSONC as JSON, anything else as text', () => {
    expect(bodyOf('{"a": 1}')).toEqual({ text: '{"a": 1}', type: 'json' });
    expect(JSON.parse(bodyOf('{"a": 1, // one\n}').text)).toEqual({ a: 1 });
    expect(bodyOf('[ ... ]')).toMatchObject({ text: '[ ... ]', type: 'json' });
    expect(bodyOf('plain words')).toMatchObject({ text: 'plain words', type: 'text' });
  });
});
