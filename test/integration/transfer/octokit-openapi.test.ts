import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../../main/core/transfer';
import type { ImportResult } from '../../../main/core/transfer';
import { startHarness, type Harness } from '../execution/harness';
import { openapiValidator, pointerOf } from '../../unit/transfer/openapi-ajv';

/**
 * GitHub's REST description (@octokit/openapi, a dev dependency): 13 MB, ~1,100 paths, deep
 * and circular schemas. Imported whole, then every GET mock is called on the running server
 * and must answer a 2xx whose body validates against the operation's schema (ajv). Its import
 * time is measured by bench/openapi-import.ts, not asserted here.
 */
const require = createRequire(import.meta.url);
const FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');

type Obj = Record<string, unknown>;
let h: Harness;
let result: ImportResult;
let doc: Obj;

beforeAll(async () => {
  h = await startHarness();
  const text = readFileSync(FILE, 'utf8');
  doc = JSON.parse(text) as Obj;
  result = await importDocument(h.core.catalog, { content: text, format: 'auto', fileName: 'api.github.com.json' });
}, 120_000);
afterAll(() => h?.close());

/** A value for a path parameter that no static segment of GitHub's paths spells. */
const paramValue = (name: string): string => (/number|id$|_id|page|run|attempt/i.test(name) ? '42' : `p-${name}`);

describe("GitHub's REST description (@octokit/openapi)", () => {
  it('imports every operation it can serve, listing the rest', () => {
    expect(result.report!.format).toBe('openapi');
    const paths = doc.paths as Record<string, Obj>;
    const operations = Object.values(paths).flatMap((item) =>
      ['get', 'post', 'put', 'patch', 'delete'].filter((m) => m in item),
    ).length;
    expect(result.mockCount + result.report!.skipped.filter((s) => s.what === 'operation').length).toBe(operations);
    expect(result.mockCount).toBeGreaterThan(1000);
    // GitHub's own examples that contradict its schemas are said, and served second.
    expect(result.report!.warnings.join('\n')).toMatch(/documented example\(s\) do not match their schema/);
  });

  it('every GET answers its documented 2xx with a body valid against its schema', async () => {
    const validatorAt = openapiValidator(doc);
    const mocks = h.core.catalog.mocks.list(result.project.id).filter((m) => m.method === 'GET');
    expect(mocks.length).toBeGreaterThan(500);
    const failures: string[] = [];
    let validated = 0;
    let answered2xx = 0;
    const base = `${h.base}/m/${result.project.slug}`;
    // GitHub names every operation; the mock carries the name (its path may differ: {a-b} → {a_b}).
    const byId = new Map<string, { path: string; op: Obj }>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Obj>)) {
      const op = item.get as Obj | undefined;
      if (op) byId.set(op.operationId as string, { path, op });
    }
    for (const mock of mocks) {
      const url = base + mock.path.replace(/\{([^}]+)\}/g, (_m, name: string) => paramValue(name));
      // manual: documented redirects carry Location examples on GitHub's hosts; never follow them.
      const res = await fetch(url, { redirect: 'manual' });
      const body = await res.text();
      const { path, op } = byId.get(mock.name)!;
      const documented = Object.keys(op.responses as Obj);
      const expected = documented.find((k) => /^2/.test(k)) ?? documented[0];
      if (String(res.status) !== expected) {
        failures.push(`${mock.path}: status ${res.status}, documented ${expected}`);
        continue;
      }
      if (/^2/.test(expected)) answered2xx++;
      const key = String(res.status);
      const content = ((op.responses as Obj)[key] as Obj | undefined)?.content as Obj | undefined;
      if (!content || !content['application/json']) continue; // 204s, redirects, text bodies
      const validate = validatorAt(
        pointerOf('paths', path, 'get', 'responses', key, 'content', 'application/json', 'schema'),
      );
      if (!validate(JSON.parse(body))) {
        failures.push(`${mock.path}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      }
      validated++;
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(validated).toBeGreaterThan(400);
    // The few GETs GitHub documents with only a redirect (archive downloads) answer that instead.
    expect(mocks.length - answered2xx).toBeLessThan(15);
  }, 120_000);
});
