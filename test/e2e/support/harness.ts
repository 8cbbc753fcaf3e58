import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface HarnessInfo {
  appUrl: string;
  bridgeUrl: string;
  token: string;
  serverUrl: string;
  dataDir: string;
}

export interface RunningHarness {
  info: HarnessInfo;
  stop(): Promise<void>;
}

/**
 * Starts a harness script (`npx tsx <script> --data-dir <fresh dir> ...args`) and waits
 * for the one JSON line it prints when ready. The child gets its own process group so
 * stopping it also ends the node process tsx starts under npx.
 */
export async function startHarness(
  script: string,
  args: string[] = [],
  readyTimeoutMs = 60_000,
): Promise<RunningHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-e2e-'));
  const child = spawn('npx', ['tsx', script, '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    stderr.push(d.toString());
    if (stderr.length > 200) stderr.shift();
  });
  const info = await new Promise<HarnessInfo>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`harness not ready in ${readyTimeoutMs} ms:\n${stderr.join('')}`)),
      readyTimeoutMs,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.trim().startsWith('{')) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as HarnessInfo);
      } catch (e) {
        reject(e as Error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code} before it was ready:\n${stderr.join('')}`));
    });
  });
  return { info, stop: () => stopChild(child, dataDir) };
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.pid) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000));
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}
