import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

afterAll(removeTempDirs);

const SPECS = path.join(import.meta.dirname, '../../fixtures/specs');

describe('mockdeck import of a Markdown API reference', () => {
  it('detects Markdown and prints the project with the report of what it skipped', async () => {
    const dataDir = tempDir();
    const r = await mockdeck(['import', path.join(SPECS, 'mockops-api.md'), '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      slug: string;
      mock_count: number;
      report: { format: string; basePath: { path: string; kept: boolean }; skipped: { what: string }[] };
    };
    expect(out.report.format).toBe('markdown');
    expect(out.mock_count).toBe(15);
    expect(out.report.basePath).toEqual({ path: '/api/v1', kept: true });
    expect(out.report.skipped.map((s) => s.what)).toContain('"404 Not Found"');
  });

  it('--format markdown on a text without endpoints exits 1 saying what an endpoint line looks like', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'notes.md');
    writeFileSync(file, '# Notes\n\nNothing to mock here.\n');
    const r = await mockdeck(['import', file, '--format', 'markdown', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no endpoint MockDeck can read/);
    expect(r.stderr).toMatch(/GET \/users\/\{id\}/);
  });
});
