import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** Mockoon's own CLI (@mockoon/cli, a dev dependency), run as a child process. */
const RUN = path.resolve('node_modules/@mockoon/cli/bin/run.js');

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface MockoonCli {
  /** http://127.0.0.1:PORT of each environment file, in the order given. */
  urls: string[];
  stop(): Promise<void>;
}

/**
 * Starts ONE `mockoon-cli start` serving every file (one port each: one start-up instead of
 * thirteen), and resolves when each has logged "Server started". Bounded: a CLI that has not
 * started them all within `timeoutMs` is killed and the promise rejects with its output.
 * `stop` kills it (SIGTERM, then SIGKILL) and is safe to call twice.
 */
export async function startMockoon(files: string[], timeoutMs = 60_000): Promise<MockoonCli> {
  const ports: number[] = [];
  for (const _ of files) ports.push(await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    [RUN, 'start', '--data', ...files, '--port', ...ports.map(String), '--disable-log-to-file'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let output = '';
  let exited = false;
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (exited || child.exitCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
  child.once('exit', () => (exited = true));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`mockoon-cli did not start within ${timeoutMs} ms:\n${output}`)));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const started = output.split('\n').filter((l) => l.includes('Server started on port')).length;
      if (started >= files.length) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mockoon-cli exited (${code}) before serving:\n${output}`));
    });
  });
  return { urls: ports.map((p) => `http://127.0.0.1:${p}`), stop };
}
