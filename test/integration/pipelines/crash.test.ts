import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets';
import { startReceiver, webhookPipeline } from './harness';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const open = (dataDir: string) =>
  openApp({
    dataDir,
    pipelines: { retry: { attempts: 2, baseDelayMs: 5 }, coalesceMs: 20 },
    pipelineSecrets: () => Promise.resolve(new MemorySecretStore()),
    logger: { error: () => undefined, warn: () => undefined },
  });

describe('pipelines across a crash', () => {
  it('an event committed just before a kill -9 is delivered after the restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pipe-crash-'));
    dirs.push(dataDir);
    const receiver = await startReceiver();
    try {
      const first = await open(dataDir);
      const project = first.catalog.projects.create({ name: 'Shop' });
      const pipeline = await first.pipelines.create({
        ...webhookPipeline(receiver.url, 'config.changed'),
        workspace_id: project.id,
      });
      await first.pipelineWorker!.settle();
      await first.close();

      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'emit-and-die.ts'), dataDir, project.id],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const signal = await new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, s) => r(s)));
      expect(signal).toBe('SIGKILL');
      expect(out).toContain('committed');
      expect(receiver.received).toHaveLength(0);

      const second = await open(dataDir);
      try {
        await second.pipelineWorker!.settle();
        const [e] = second.pipelines.executions({ pipeline_id: pipeline.id });
        expect(e).toMatchObject({
          status: 'completed',
          trigger_event: { event_type: 'config.changed', workspace_id: project.id },
        });
        expect(receiver.received).toHaveLength(1);
        expect(JSON.parse(receiver.received[0]!.body).event.payload.changes).toEqual([
          expect.objectContaining({ kind: 'mock', action: 'created' }),
        ]);
        // Read once: a third start queues nothing more.
        await second.close();
        const third = await open(dataDir);
        await third.pipelineWorker!.settle();
        expect(third.pipelines.executions({ pipeline_id: pipeline.id })).toHaveLength(1);
        await third.close();
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
    }
  }, 60_000);

  it('an execution a crash left running is run again on the next start; close() aborts steps in flight and requeues them', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pipe-requeue-'));
    dirs.push(dataDir);
    const { createServer } = await import('node:http');
    let hits = 0;
    let hang = true;
    const server = createServer((_req, res) => {
      hits++;
      if (!hang) res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const first = await open(dataDir);
      const p = await first.pipelines.create(webhookPipeline(url, 'config.changed'));
      const e = first.pipelines.trigger(p.id);
      while (hits === 0) await new Promise((r) => setTimeout(r, 10));
      await first.close(); // the step is waiting on the receiver: close aborts it
      hang = false;
      server.closeAllConnections();

      const second = await open(dataDir);
      await second.pipelineWorker!.settle();
      expect(second.pipelines.execution(e.id).status).toBe('completed');
      expect(hits).toBe(2);
      await second.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 60_000);
});
