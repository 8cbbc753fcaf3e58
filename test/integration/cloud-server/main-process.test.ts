import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

describe('test/cloud-server/main.ts', () => {
  it('prints {"url"} on one line, serves, and exits on SIGTERM', async () => {
    // process.execPath is the Node that runs vitest (24); tsx's CLI is what `npx tsx` runs.
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
    const child = spawn(process.execPath, [tsxCli, 'test/cloud-server/main.ts', '--port', '0', '--plan', 'free'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      const { url } = JSON.parse(first) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', version: '1.0.0' });
      const faults = await fetch(`${url}/__control/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"fail500":1}',
      });
      expect(faults.status).toBe(200);
      expect((await fetch(`${url}/api/v1/status`)).status).toBe(500);
      expect((await fetch(`${url}/health`)).headers.get('x-ratelimit-limit')).toBe('60');
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
