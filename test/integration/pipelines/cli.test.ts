import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mockdeck, removeTempDirs, tempDir } from '../cli/cli-harness';
import { startReceiver } from './harness';

afterEach(removeTempDirs);

describe('mockdeck pipelines', () => {
  it('imports a YAML pipeline, runs it to the end, and shows its executions', async () => {
    const receiver = await startReceiver();
    try {
      const dir = tempDir();
      const file = path.join(dir, 'p.yaml');
      writeFileSync(
        file,
        `name: hook\ndefinition:\n  triggers:\n    - event: config.changed\n  steps:\n    - name: hook\n      step_type: notify\n      config:\n        webhook_url: "${receiver.url}"\n        message: by hand\n`,
      );
      const imported = await mockdeck(['pipelines', 'import', file, '--data-dir', dir]);
      expect(imported.stderr).toBe('');
      const id = JSON.parse(imported.stdout).id as string;
      expect(JSON.parse((await mockdeck(['pipelines', 'list', '--data-dir', dir])).stdout)).toHaveLength(1);

      const run = await mockdeck(['pipelines', 'run', id, '--data-dir', dir]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ status: 'completed', execution_log: [{ status: 'completed' }] });
      expect(JSON.parse(receiver.received[0]!.body).message).toBe('by hand');

      const list = JSON.parse((await mockdeck(['pipelines', 'executions', id, '--data-dir', dir])).stdout);
      expect(list).toHaveLength(1);
      const bad = await mockdeck(['pipelines', 'launch', '--data-dir', dir]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('mockdeck pipelines takes list, import, run, executions, got "launch"');
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
