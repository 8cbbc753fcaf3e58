import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import harSchemas from 'har-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { mockdeck as runCli } from '../cli/cli-harness';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The published HAR 1.2 JSON Schema (har-schema), compiled with ajv as har-validator does. */
function harValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addMetaSchema(draft06);
  const all = harSchemas;
  for (const [name, schema] of Object.entries(all)) if (name !== 'har') ajv.addSchema(schema);
  return ajv.compile(all.har!);
}

async function traffic(hx: Harness): Promise<void> {
  hx.addMock({ name: 'items', method: 'GET', path: '/items/{id}' }, [{ body: '{"id":1}' }]);
  hx.addMock({ name: 'create', method: 'POST', path: '/items' }, [{ statusCode: 201, body: '{"ok":true}' }]);
  for (let i = 0; i < 5; i++) await (await fetch(hx.url(`/items/${i}?expand=a&tag=x&tag=y`))).text();
  await (
    await fetch(hx.url('/items'), { method: 'POST', body: '{"n":1}', headers: { 'content-type': 'application/json' } })
  ).text();
  await (await fetch(hx.url('/missing/path'))).text();
}

async function exportAll(hx: Harness, input: Record<string, unknown>, limit: number): Promise<string> {
  let text = '';
  let after: string | undefined;
  for (;;) {
    const r = await hx.app.router.call(
      'requestLogs.export',
      { projectId: hx.project.id, format: 'har', limit, ...input, ...(after ? { after } : {}) },
      { transport: 'cli' },
    );
    if (!r.ok) throw new Error(r.error.message);
    text += r.value.text;
    if (r.value.next === null) return text;
    after = r.value.next;
  }
}

describe('request-log export', () => {
  it('writes HAR 1.2 that validates against the HAR schema, in chunks that concatenate into one document', async () => {
    h = await startHarness();
    await traffic(h);
    const validate = harValidator();
    // The schema has teeth: an entry without its request is refused.
    expect(validate({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{}] } })).toBe(false);
    for (const limit of [1, 3, 500]) {
      const har = JSON.parse(await exportAll(h, {}, limit)) as {
        log: {
          version: string;
          entries: { request: { method: string; url: string; queryString: unknown[] }; response: { status: number } }[];
        };
      };
      expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
      expect(har.log.version).toBe('1.2');
      expect(har.log.entries).toHaveLength(7);
      // Oldest first; the unmatched 404 is in it.
      expect(har.log.entries[0]!.request.url).toMatch(/\/items\/0\?expand=a&tag=x&tag=y$/);
      expect(har.log.entries[0]!.request.queryString).toHaveLength(3);
      expect(har.log.entries[6]!.response.status).toBe(404);
    }
    // A filter applies to the export as to the viewer.
    const posts = JSON.parse(await exportAll(h, { method: 'POST' }, 2)) as { log: { entries: unknown[] } };
    expect(validate(posts)).toBe(true);
    expect(posts.log.entries).toHaveLength(1);
    const empty = JSON.parse(await exportAll(h, { statusClass: '5xx' }, 2)) as { log: { entries: unknown[] } };
    expect(validate(empty)).toBe(true);
    expect(empty.log.entries).toEqual([]);
  });

  it('writes NDJSON, one request-log object a line, from the CLI to a file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-logs-'));
    try {
      h = await startHarness({ dataDir: dir });
      await traffic(h);
      await h.close();
      h = undefined;
      const out = path.join(dir, 'out.ndjson');
      const r = await runCli([
        'logs',
        'export',
        '--project',
        'shop',
        '--format',
        'ndjson',
        '--status',
        '2xx',
        '--out',
        out,
        '--data-dir',
        dir,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(6);
      for (const line of lines) {
        const o = JSON.parse(line) as { requestPath: string; responseStatus: number };
        expect(o.responseStatus).toBeGreaterThanOrEqual(200);
        expect(o.responseStatus).toBeLessThan(300);
      }
      const bad = await runCli(['logs', 'export', '--project', 'shop', '--format', 'csv', '--data-dir', dir]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/--format must be one of har, ndjson/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
