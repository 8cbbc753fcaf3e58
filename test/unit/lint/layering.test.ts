import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `file` (nothing is written). */
async function rulesHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layering rules in eslint.config.js', () => {
  it('refuse sync importing from cloud (cloud owns sync: that would be a cycle)', async () => {
    const code = "import type { ProjectsApi } from '../cloud/projects-api';\nexport type X = ProjectsApi;\n";
    expect(await rulesHit('main/core/sync/probe.ts', code)).toContain('no-restricted-imports');
    // The same import is fine where it belongs.
    expect(await rulesHit('main/core/cloud/probe.ts', code.replace('../cloud/', './'))).toEqual([]);
  });

  it('refuse the store and the catalog importing IPC contract types', async () => {
    const code = "import type { CallName } from '../../../shared/ipc/contract';\nexport type Y = CallName;\n";
    expect(await rulesHit('main/core/store/probe.ts', code)).toContain('no-restricted-imports');
    expect(await rulesHit('main/core/catalog/probe.ts', code)).toContain('no-restricted-imports');
    const models = "import type { Project } from '../../../shared/models';\nexport type Z = Project;\n";
    expect(await rulesHit('main/core/catalog/probe.ts', models)).toEqual([]);
  });

  it('still refuse electron in those folders', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await rulesHit('main/core/sync/probe.ts', code)).toContain('no-restricted-imports');
    expect(await rulesHit('main/core/store/probe.ts', code)).toContain('no-restricted-imports');
  });
});
