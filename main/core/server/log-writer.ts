import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LogCounters, LogRows } from '../store/log-rows';
import type { RequestLogsRepo } from '../store/request-logs-repo';
import { LOGS_FILE, type Store } from '../store/store';
import { siblingWorkerUrl, workerExecArgv } from '../util/worker-file';

/** Rows to insert, and the hit counters of every request they stand for (some rows may have been dropped). */
export interface LogBatch {
  rows: LogRows;
  counters: LogCounters;
  /**
   * The retention of each project the rows belong to, and of projects whose retention just
   * changed (trimmed even without new rows); a project not listed keeps the writer's default.
   */
  retention?: [projectId: string, rows: number][];
}

/** Writes a batch through `repo`, each project trimmed to its own retention; then trims what is left over, a step per turn. */
export function writeBatch(
  repo: RequestLogsRepo,
  batch: LogBatch,
  defaultRetention: number,
  trimSoon: () => void,
): void {
  const own = new Map(batch.retention ?? []);
  repo.insertRows(batch.rows, (id) => own.get(id) ?? defaultRetention, batch.counters, [...own.keys()]);
  if (repo.hasOverflow()) trimSoon();
}

/** Runs repo.trimStep with a turn of the event loop between steps (batches and reads go in between) until nothing is over. */
export function backgroundTrimmer(repo: () => RequestLogsRepo): () => void {
  let running = false;
  const step = (): void => {
    let more = false;
    try {
      more = repo().trimStep();
    } catch (e) {
      console.error('request logs: trimming old rows failed', e);
    }
    if (more) setImmediate(step).unref();
    else running = false;
  };
  return () => {
    if (running) return;
    running = true;
    setImmediate(step).unref();
  };
}

/** Where a batch of request logs goes: the store on this thread, or a worker thread. */
export interface LogWriter {
  /** Diagnostics: where batches go right now. */
  readonly mode: 'inline' | 'starting' | 'worker';
  /** Diagnostics: the OS thread id of a writer thread running at the lowest priority, else null. */
  readonly lowPriorityThread: number | null;
  write(batch: LogBatch): void;
  /** True while a batch handed to write() is not committed yet (never for inline writes). */
  busy(): boolean;
  /** Called each time the writer thread commits a batch, with the milliseconds it took and its row count. */
  onWritten(listener: (ms: number, rows: number) => void): void;
  /** Returns once everything handed to write() is committed, blocking this thread meanwhile. */
  sync(): void;
  /** Resolves once everything handed to write() so far is committed; never blocks this thread. */
  synced(): Promise<void>;
  close(): Promise<void>;
}

export function inlineWriter(store: Store, retention: number): LogWriter {
  const trimSoon = backgroundTrimmer(() => store.logs);
  return {
    mode: 'inline',
    lowPriorityThread: null,
    write(batch) {
      try {
        writeBatch(store.logs, batch, retention, trimSoon);
      } catch (e) {
        // Losing a batch of logs is better than failing the mocks that produced them.
        console.error(`could not write ${batch.rows.count} request logs`, e);
      }
    },
    busy: () => false,
    onWritten() {},
    sync() {},
    synced: async () => {},
    close: async () => {},
  };
}

const SYNC_TIMEOUT_MS = 10_000;

/**
 * Sends batches to a worker thread (log-writer.worker.ts) that writes them to logs.db with its
 * own connection, at the lowest CPU priority where the OS allows it per thread (Linux): logs
 * are written with CPU time that serving requests does not need. Until the worker reports
 * ready, and for good if it fails to start or dies, batches are written inline, including any
 * the worker had not confirmed. An in-memory store cannot be shared with another thread, so
 * it always writes inline.
 */
type WorkerMessage =
  | { type: 'ready'; lowPriorityThread: number | null }
  | { type: 'written'; ms: number; rows: number }
  | { type: 'error'; message: string };

export function createLogWriter(store: Store, retention: number): LogWriter {
  const inline = inlineWriter(store, retention);
  if (store.dataDir === null) return inline;
  let worker: Worker;
  const done = new Int32Array(new SharedArrayBuffer(4));
  try {
    worker = new Worker(siblingWorkerUrl('log-writer', import.meta.url), {
      workerData: { file: path.join(store.dataDir, LOGS_FILE), retention, done: done.buffer },
      execArgv: workerExecArgv(import.meta.url),
    });
  } catch {
    return inline;
  }
  worker.unref();
  let ready = false;
  let failed = false;
  let seq = 0;
  let threadId: number | null = null;
  const pending = new Map<number, LogBatch>();
  const written = new Set<(ms: number, rows: number) => void>();
  let waiters: { seq: number; resolve: () => void }[] = [];
  const confirmed = () => {
    const upTo = Atomics.load(done, 0);
    for (const s of pending.keys()) if (s <= upTo) pending.delete(s);
    if (waiters.length === 0) return;
    const still = [];
    for (const w of waiters)
      if (w.seq <= upTo || failed) w.resolve();
      else still.push(w);
    waiters = still;
  };
  const fail = () => {
    if (failed) return;
    failed = true;
    ready = false;
    confirmed();
    for (const batch of pending.values()) inline.write(batch);
    pending.clear();
    for (const w of waiters) w.resolve();
    waiters = [];
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'written') {
      confirmed();
      for (const l of written) l(m.ms, m.rows);
    } else if (m.type === 'ready') {
      ready = !failed;
      threadId = m.lowPriorityThread;
    } else console.error(`request-log writer: ${m.message}`);
  });
  worker.on('error', (e) => {
    console.warn(`request logs are written on the main thread: the writer thread failed (${e.message})`);
    fail();
  });
  worker.on('exit', fail);

  return {
    get mode() {
      return ready ? 'worker' : failed ? 'inline' : 'starting';
    },
    get lowPriorityThread() {
      return threadId;
    },
    write(batch) {
      if (!ready) return inline.write(batch);
      confirmed();
      pending.set(++seq, batch);
      worker.postMessage({ seq, batch });
    },
    busy() {
      if (!ready) return false;
      confirmed();
      return pending.size > 0;
    },
    onWritten(listener) {
      written.add(listener);
    },
    sync() {
      if (!ready) return;
      const target = seq;
      const deadline = Date.now() + SYNC_TIMEOUT_MS;
      let current = Atomics.load(done, 0);
      while (current < target && Date.now() < deadline) {
        Atomics.wait(done, 0, current, 100);
        current = Atomics.load(done, 0);
      }
      confirmed();
    },
    synced() {
      if (!ready || Atomics.load(done, 0) >= seq) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ seq, resolve }));
    },
    async close() {
      this.sync();
      failed = true; // no fallback replays after a deliberate close
      if (!ready) return void (await worker.terminate());
      // Unref'd so an idle writer never holds the process open; while closing it must, or
      // the process could exit before the worker has closed logs.db.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' });
      await exited;
    },
  };
}
