import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { exportDocument, importDocument, readDocument } from '../../../main/core/transfer';
import type { ProjectDraftInput } from '../../../shared/models';
import { seeded } from '../../unit/engine/fixtures';
import { ask, difference } from './compare-answers';
import { startMockoon, type MockoonCli } from './mockoon-cli';

/**
 * MockDeck → Mockoon: the export keeps routes, responses, rules and templates when read
 * back, and Mockoon's own CLI serving the exported file answers as MockDeck does.
 */

const clock = { now: () => new Date('2026-03-01T12:00:00.000Z') };

const DRAFT: ProjectDraftInput = {
  project: { name: 'Round trip' },
  buckets: [{ name: 'users', content: '[{"id": 1, "name": "Ada"}, {"id": 2, "name": "Bob"}]' }],
  mocks: [
    {
      name: 'Get user',
      description: 'One user, by role',
      path: '/users/{id}',
      method: 'GET',
      responses: [
        {
          name: 'Admin',
          statusCode: 200,
          body: '{"id": "{{urlParam \'id\'}}", "role": "admin"}',
          headers: { 'X-Role': 'admin' },
          conditions: [
            { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' },
            { type: 'query', field: 'verbose', operator: 'regex', value: '^(1|true)$' },
          ],
          conditionLogic: 'or',
        },
        {
          name: 'Teapot',
          statusCode: 418,
          body: 'short and stout',
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          conditions: [{ type: 'path', field: 'id', operator: 'equals', value: '418' }],
        },
        { name: 'Guest', statusCode: 200, isDefault: true, body: '{"id": "{{urlParam \'id\'}}", "role": "guest"}' },
      ],
    },
    {
      name: 'Create order',
      path: '/orders',
      method: 'POST',
      responses: [
        {
          name: 'Created',
          statusCode: 201,
          body: '{"item": "{{body \'item\'}}", "count": {{len (dataRaw \'users\')}} }',
        },
      ],
    },
    {
      name: 'Plain',
      path: '/plain',
      method: 'DELETE',
      responseType: 'text',
      responses: [{ name: 'Gone', statusCode: 410, body: 'gone', disableTemplating: true }],
    },
    {
      name: 'Any file',
      path: '/files/*',
      method: 'ANY',
      responseSelection: 'first',
      responses: [{ name: 'File', statusCode: 200, body: '{"method": "{{method}}"}' }],
    },
    { name: 'Users', path: '/crud/users', method: 'GET', kind: 'crud', bucket: 'users' },
  ],
};

describe('MockDeck → Mockoon → MockDeck', () => {
  let app: App | undefined;
  let mockoon: MockoonCli | undefined;
  let base = '';
  let slug = '';
  let exported = '';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-mockoon-'));

  beforeAll(async () => {
    app = await openApp({ dataDir: null, port: 0, random: seeded(7), logFlushMs: 20 });
    base = (await app.core.server.start()).url!;
    const created = await importDocument(app.core.catalog, {
      content: JSON.stringify({ mockdeck: 'project', version: 1, ...DRAFT }),
      format: 'native',
    });
    slug = created.slug;
    const out = exportDocument(app.core.store, slug, 'mockoon', clock);
    expect(out.fileName).toBe(`${slug}.mockoon.json`);
    exported = out.text;
    const file = path.join(dir, out.fileName);
    writeFileSync(file, exported);
    mockoon = await startMockoon([file]);
  }, 90_000);

  afterAll(async () => {
    await mockoon?.stop();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps routes, responses, rules and templates', async () => {
    const back = await readDocument({ content: exported, format: 'auto' });
    expect(back.format).toBe('mockoon');
    expect(back.report.skipped).toEqual([]);
    const strip = (d: ProjectDraftInput) =>
      d.mocks!.map((m) => ({
        name: m.name,
        description: m.description ?? '',
        path: m.path,
        method: m.method,
        kind: m.kind ?? 'http',
        bucket: m.bucket ?? null,
        responses: (m.responses ?? []).map((r) => ({
          name: r.name,
          statusCode: r.statusCode,
          headers: r.headers ?? {},
          body: r.body,
          conditions: r.conditions ?? [],
          conditionLogic: r.conditionLogic ?? 'and',
          disableTemplating: r.disableTemplating ?? false,
          isDefault: r.isDefault ?? false,
        })),
      }));
    expect(strip(back.draft)).toEqual(strip(DRAFT));
    expect(back.draft.buckets.map((b) => [b.name, JSON.parse(b.content)])).toEqual([
      ['users', JSON.parse(DRAFT.buckets![0]!.content!)],
    ]);
  });

  it('the export starts in @mockoon/cli and answers like MockDeck', async () => {
    const cases: [string, string, Record<string, string>?, string?][] = [
      ['GET', '/users/7', { 'x-role': 'admin' }],
      ['GET', '/users/7?verbose=true'],
      ['GET', '/users/418'],
      ['GET', '/users/9'],
      ['POST', '/orders', { 'content-type': 'application/json' }, '{"item": "book"}'],
      ['DELETE', '/plain'],
      ['PUT', '/files/a/b.txt'],
      ['GET', '/crud/users'],
      ['GET', '/crud/users/2'],
    ];
    for (const [method, p, headers = {}, body] of cases) {
      const a = await askWith(`${mockoon!.urls[0]}${p}`, method, headers, body);
      const b = await askWith(`${base}/m/${slug}${p}`, method, headers, body);
      expect({ request: `${method} ${p}`, problem: difference(a, b, false) }).toEqual({
        request: `${method} ${p}`,
        problem: null,
      });
    }
  });
});

async function askWith(url: string, method: string, headers: Record<string, string>, body?: string) {
  if (Object.keys(headers).length === 0 && body === undefined) return ask(url, method);
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(15_000) });
  return {
    status: res.status,
    contentType: (res.headers.get('content-type') ?? '').toLowerCase().replace(/\s+/g, ''),
    body: await res.text(),
  };
}
