import { Worker } from 'node:worker_threads';
import type { DomainEvent, ProjectDraft } from '../../../shared/models';
import { AppError } from '../util/errors';
import { siblingWorkerUrl, workerExecArgv } from '../util/worker-file';
import type { TreeOptions, TreeResult } from './trees';

/** How long a tree write on a worker may take before it is rolled back (10,000 mocks take ~0.5 s). */
export const TREE_WRITE_TIMEOUT_MS = 60_000;

/** What tree-write.worker.ts is started with. */
export interface TreeWriteJob {
  dataDir: string;
  draft: ProjectDraft;
  opts: TreeOptions;
  /** The caller's clock, read when the write was asked for: the worker stamps rows with it. */
  now: string;
  /** One Int32: RUNNING, then COMMITTING (claimed by the worker) or ABANDONED (claimed by the caller). */
  state: SharedArrayBuffer;
}

export type TreeWriteReply =
  | { type: 'done'; result: TreeResult; events: DomainEvent[] }
  | { type: 'failed'; error: Parameters<typeof AppError.fromShape>[0] | { message: string } };

export const RUNNING = 0;
export const COMMITTING = 1;
export const ABANDONED = 2;

/** A tree committed by a worker, and the domain events it recorded in that commit. */
export interface TreeWrite {
  result: TreeResult;
  events: DomainEvent[];
}

/**
 * Runs tree writes on worker threads (tree-write.worker.ts), one worker per write, one write
 * at a time: SQLite has one writer at a time anyway, and queueing here keeps a second import
 * from waiting on the first inside busy_timeout. A write that outlives its timeout, or is
 * running when the app closes, is abandoned: the worker is terminated and its transaction
 * rolled back, so nothing of it is written and no event is told. Whether a late write
 * commits or is abandoned is decided by one compare-and-swap on a shared state, claimed by
 * the worker just before COMMIT and by the caller on timeout: never both.
 */
export class TreeWorkers {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly running = new Set<() => Promise<void>>();
  private closed = false;

  write(
    dataDir: string,
    draft: ProjectDraft,
    opts: TreeOptions,
    run: { now: string; timeoutMs: number },
  ): Promise<TreeWrite> {
    const start = (): Promise<TreeWrite> => this.run({ dataDir, draft, opts, now: run.now }, run.timeoutMs);
    const p = this.tail.then(start, start);
    this.tail = p.catch(() => undefined);
    return p;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.running].map((abort) => abort()));
  }

  private run(job: Omit<TreeWriteJob, 'state'>, timeoutMs: number): Promise<TreeWrite> {
    if (this.closed) return Promise.reject(closing());
    const state = new Int32Array(new SharedArrayBuffer(4));
    return new Promise<TreeWrite>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(siblingWorkerUrl('tree-write', import.meta.url), {
          workerData: { ...job, state: state.buffer } satisfies TreeWriteJob,
          execArgv: workerExecArgv(import.meta.url),
        });
      } catch (e) {
        reject(new AppError('SERVER_ERROR', `could not start the tree writer: ${(e as Error).message}`));
        return;
      }
      let settled = false;
      let exited: Promise<void> = Promise.resolve();
      const finish = (error: Error | null, value?: TreeWrite): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(abort);
        exited = worker.terminate().then(() => undefined);
        if (error) reject(error);
        else resolve(value!);
      };
      const abandon = (error: AppError): Promise<void> => {
        // Lost the race: the worker is committing, and its answer follows.
        if (Atomics.compareExchange(state, 0, RUNNING, ABANDONED) === RUNNING) finish(error);
        return exited;
      };
      const abort = (): Promise<void> => abandon(closing());
      this.running.add(abort);
      const timer = setTimeout(() => void abandon(timedOut(timeoutMs)), timeoutMs);
      worker.on('message', (m: TreeWriteReply) => {
        if (m.type === 'done') finish(null, { result: m.result, events: m.events });
        else finish('code' in m.error ? AppError.fromShape(m.error) : new Error(m.error.message));
      });
      worker.on('error', (e) => finish(new AppError('SERVER_ERROR', `the tree writer failed: ${e.message}`)));
      worker.on('exit', (code) =>
        finish(
          new AppError(
            'SERVER_ERROR',
            `the tree writer stopped (exit code ${code}) before answering; nothing was written`,
          ),
        ),
      );
    });
  }
}

const timedOut = (ms: number): AppError =>
  new AppError(
    'SERVER_ERROR',
    `writing the project took longer than ${ms / 1000} s and was rolled back: nothing was imported`,
    {
      hint: 'try again when the machine is less busy, or split the project into smaller files',
    },
  );

const closing = (): AppError =>
  new AppError(
    'SERVER_ERROR',
    'MockDeck closed while the project was being written; it was rolled back: nothing was imported',
    {
      hint: 'import it again once MockDeck is running',
    },
  );
