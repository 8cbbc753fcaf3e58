import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

const PETSTORE = path.join(__dirname, '../../fixtures/openapi/petstore-2.0.yaml');

afterAll(removeTempDirs);

describe('mockdeck import/export with OpenAPI', () => {
  it('imports with --base-path keep|drop, and exports OpenAPI 3.1', async () => {
    const dir = tempDir();
    const kept = await mockdeck(['import', PETSTORE, '--data-dir', dir]);
    expect(kept.code).toBe(0);
    const k = JSON.parse(kept.stdout);
    expect(k).toMatchObject({
      slug: 'swagger-petstore',
      mock_count: 4,
      report: { basePath: { path: '/v2', kept: true } },
    });
    expect(kept.stderr).not.toMatch(/could not be mapped/); // its HEAD operation is a mock too

    const dropped = await mockdeck(['import', PETSTORE, '--base-path', 'drop', '--name', 'Pets', '--data-dir', dir]);
    expect(JSON.parse(dropped.stdout)).toMatchObject({
      slug: 'pets',
      report: { basePath: { path: '/v2', kept: false } },
    });

    const out = path.join(tempDir(), 'pets.yaml');
    const exp = await mockdeck(['export', '--project', 'pets', '--format', 'openapi', '--out', out, '--data-dir', dir]);
    expect(exp.code).toBe(0);
    const doc = parseYaml(readFileSync(out, 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/pets', '/pets/{petId}']);
  });

  it('refuses a --base-path other than keep or drop', async () => {
    const r = await mockdeck(['import', PETSTORE, '--base-path', 'strip', '--data-dir', tempDir()]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--base-path must be keep or drop \(got "strip"\)/);
  });
});
