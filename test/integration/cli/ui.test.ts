import { afterAll, describe, expect, it } from 'vitest';
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

afterAll(removeTempDirs);

describe('mockdeck ui', () => {
  it('without a renderer build: exits 1 saying how to build it, and leaves the data dir usable', async () => {
    const dataDir = tempDir();
    const r = await mockdeck(['ui', '--renderer-dir', tempDir(), '--data-dir', dataDir, '--no-open', '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm run build:renderer');
    expect(r.stdout).toBe('');
    // The data dir it opened (and migrated) stays usable by the next command.
    expect(await mockdeck(['projects', '--json', '--data-dir', dataDir])).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('rejects a bad port before opening anything', async () => {
    const r = await mockdeck(['ui', '--port', 'abc', '--no-open']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be a port number');
  });
});
