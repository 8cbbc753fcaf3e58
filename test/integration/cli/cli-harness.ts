import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../main/cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mockdeck …` in-process with captured output. */
export async function mockdeck(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: opts.env ?? { ...process.env, MOCKDECK_DATA_DIR: undefined },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

const dirs: string[] = [];
export function tempDir(prefix = 'mockdeck-cli-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Resolves with the url of the `{"event":"listening",…}` line a spawned `serve` prints. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve((JSON.parse(out.slice(0, nl)) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
  });
}

/**
 * Waits until nothing listens on `url`'s port any more: the server process is gone. The
 * deadline is generous on purpose (a loaded machine); a server that stays never passes.
 */
export async function expectPortFreed(url: string, deadlineMs = 20_000): Promise<void> {
  const { hostname, port } = new URL(url);
  const until = Date.now() + deadlineMs;
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: hostname, port: Number(port) });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    if (Date.now() > until)
      throw new Error(`${url} still accepts connections ${deadlineMs} ms after its launcher died`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ServedProcess {
  child: ChildProcessWithoutNullStreams;
  line: { event: string; url: string; mockBaseUrl: string; dataDir: string; tokenFile: string | null };
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code and when (performance.now()) the process exited. */
  exited: Promise<{ code: number | null; at: number }>;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** `mockdeck serve` as a real process, on the same Node (and better-sqlite3 build) as vitest. Kill it in afterAll. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServedProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'serve', ...args], {
    cwd: repoRoot,
    env: { ...process.env, MOCKDECK_API_TOKEN: '', MOCKDECK_DATA_DIR: '', ...env },
  });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: performance.now() })),
  );
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, line: JSON.parse(out.slice(0, nl)), stdout: () => out, stderr: () => err, exited });
    });
    void exited.then(({ code }) => reject(new Error(`serve exited ${code} before listening: ${err}`)));
  });
}
