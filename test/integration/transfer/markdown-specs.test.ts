import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { importDocument } from '../../../main/core/transfer';

/**
 * The three API references in docs/reference (copied in test/fixtures/specs) import as
 * Markdown, and every endpoint they document answers its documented status and example
 * body when the imported project is served. The counts go to docs/compatibility.md
 * ("Markdown API references"); they are pinned here so a change in what the reader finds
 * shows up.
 */
const SPECS = join(import.meta.dirname, '../../fixtures/specs');

/** endpoints found; endpoints with a documented example body; report lines of what was skipped. */
const EXPECTED: Record<string, { endpoints: number; withBody: number; skipped: number }> = {
  'mockbird-api.md': { endpoints: 29, withBody: 14, skipped: 4 },
  'mockforge-cloud-api.md': { endpoints: 63, withBody: 60, skipped: 1 },
  'mockops-api.md': { endpoints: 15, withBody: 12, skipped: 3 },
};

/** Facts read off the documents by hand: what the import must not get wrong. */
const SPOT_CHECKS: Record<
  string,
  { method: string; path: string; status: number; body?: (text: string) => boolean }[]
> = {
  'mockbird-api.md': [
    { method: 'GET', path: '/auth/me', status: 200, body: (t) => JSON.parse(t).userId === 'user_2abc123' },
    { method: 'POST', path: '/organizations', status: 201, body: (t) => JSON.parse(t).slug === 'acme-corp' },
    // "**Response `201 Created`**" under a "#### Condition Object" sub-heading still belongs to the endpoint.
    { method: 'POST', path: '/mocks/m1/responses', status: 201 },
  ],
  'mockforge-cloud-api.md': [
    {
      method: 'GET',
      path: '/health',
      status: 200,
      body: (t) => t === JSON.stringify({ status: 'ok', version: '1.0.0' }, null, 2) || JSON.parse(t).status === 'ok',
    },
    { method: 'DELETE', path: '/api/v1/tokens/t1', status: 200 },
  ],
  'mockops-api.md': [
    { method: 'DELETE', path: '/api/v1/pipelines/p1', status: 204, body: (t) => t === '' },
    // A placeholder in the example: served as the document writes it.
    { method: 'GET', path: '/api/v1/pipelines/p1', status: 200, body: (t) => t.includes('"definition": { ... }') },
    // "(same as Get Pipeline)": that endpoint's example.
    {
      method: 'PATCH',
      path: '/api/v1/pipelines/p1',
      status: 200,
      body: (t) => t.includes('"name": "auto-sdk-regeneration"'),
    },
  ],
};

let app: App;
let base: string;

beforeAll(async () => {
  app = await openApp({ dataDir: null, port: 0 });
  base = (await app.core.server.start()).url!;
});
afterAll(() => app.close());

/** A concrete URL for a mock path: each {param} becomes a value no static route uses. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'p-1');

function sameBody(expected: string, actual: string): boolean {
  try {
    return JSON.stringify(JSON.parse(expected)) === JSON.stringify(JSON.parse(actual));
  } catch {
    return expected === actual;
  }
}

describe.each(Object.keys(EXPECTED))('%s imported as Markdown', (file) => {
  it('answers every documented endpoint with its documented status and example body', async () => {
    const text = readFileSync(join(SPECS, file), 'utf8');
    const r = await importDocument(app.core.catalog, { content: text, format: 'markdown', fileName: file });
    const mocks = app.core.catalog.mocks.list(r.project.id).map((m) => app.core.catalog.mocks.get(m.id));
    const failures: string[] = [];
    let withBody = 0;
    for (const mock of mocks) {
      const documented = mock.responses.find((x) => x.isDefault) ?? mock.responses[0]!;
      if (documented.body !== '') withBody++;
      const res = await fetch(`${base}/m/${r.slug}${concrete(mock.path)}`, { method: mock.method });
      const body = await res.text();
      if (res.status !== documented.statusCode)
        failures.push(`${mock.method} ${mock.path}: ${res.status} ≠ ${documented.statusCode}`);
      else if (!sameBody(documented.body, body)) failures.push(`${mock.method} ${mock.path}: body differs`);
    }
    expect(failures).toEqual([]);
    expect({ endpoints: mocks.length, withBody, skipped: r.report?.skipped.length }).toEqual(EXPECTED[file]);
    for (const spot of SPOT_CHECKS[file]!) {
      const res = await fetch(`${base}/m/${r.slug}${spot.path}`, { method: spot.method });
      const text = await res.text();
      expect({ call: `${spot.method} ${spot.path}`, status: res.status }).toEqual({
        call: `${spot.method} ${spot.path}`,
        status: spot.status,
      });
      if (spot.body) expect(spot.body(text), `${spot.method} ${spot.path} body: ${text.slice(0, 200)}`).toBe(true);
    }
  });
});
