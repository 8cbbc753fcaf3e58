import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mockdeck, removeTempDirs, tempDir } from '../cli/cli-harness';

/** `mockdeck import ENV.json` inlines the environment's file bodies, from its own folder only. */
describe('mockdeck import of a Mockoon environment with file bodies', () => {
  afterAll(removeTempDirs);

  it('inlines a file beside the environment and lists one outside it as skipped', async () => {
    const root = tempDir('mockoon-import-');
    const envDir = path.join(root, 'env');
    mkdirSync(path.join(envDir, 'bodies'), { recursive: true });
    writeFileSync(path.join(envDir, 'bodies', 'user.json'), '{"id": "{{urlParam \'id\'}}"}');
    writeFileSync(path.join(root, 'secret.txt'), 'top secret');
    const response = (filePath: string) => ({ uuid: filePath, statusCode: 200, bodyType: 'FILE', filePath, rules: [] });
    const routes = [
      { uuid: 'a', type: 'http', method: 'get', endpoint: 'users/:id', responses: [response('bodies/user.json')] },
      { uuid: 'b', type: 'http', method: 'get', endpoint: 'secret', responses: [response('../secret.txt')] },
    ];
    const file = path.join(envDir, 'env.json');
    writeFileSync(
      file,
      JSON.stringify({ uuid: 'e', lastMigration: 33, name: 'Files', endpointPrefix: '', routes, data: [] }),
    );
    const dataDir = path.join(root, 'data');
    const imp = await mockdeck(['import', file, '--data-dir', dataDir]);
    expect(imp.code).toBe(0);
    const out = JSON.parse(imp.stdout) as { slug: string; report: { format: string; skipped: { what: string }[] } };
    expect(out.report.format).toBe('mockoon');
    expect(out.report.skipped.map((s) => s.what)).toEqual(['file body "../secret.txt"', 'route']);
    const exp = await mockdeck(['export', '-p', out.slug, '--data-dir', dataDir]);
    const project = JSON.parse(exp.stdout) as { mocks: { path: string; responses: { body: string }[] }[] };
    expect(project.mocks.map((m) => [m.path, m.responses.map((r) => r.body)])).toEqual([
      ['/users/{id}', ['{"id": "{{urlParam \'id\'}}"}']],
    ]);
    expect(exp.stdout).not.toContain('top secret');
  });
});
