/**
 * Writes request-log batches on a worker thread, through the same RequestLogsRepo.insertRows
 * (one transaction, counters, retention) as the inline path, over its own connection to
 * logs.db: SQLite's per-row cost then stays off the thread that answers requests, and, at the
 * lowest thread priority, off the CPU time that serving requests needs.
 * Protocol: {seq, batch} in (LogBatch); after each batch, `done[0] = seq`, Atomics.notify (so the
 * main thread can block in flushLogs) and {type:'written'}; {type:'ready'} once open,
 * {type:'error'} on failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/connection';
import { RequestLogsRepo } from '../store/request-logs-repo';
import { lowerThreadPriority } from '../util/thread-priority';
import { backgroundTrimmer, writeBatch, type LogBatch } from './log-writer';

interface Init {
  file: string;
  retention: number;
  done: SharedArrayBuffer;
}

const init = workerData as Init;
const done = new Int32Array(init.done);
const port = parentPort!;
const db = openDatabase(init.file, 'NORMAL');
const repo = new RequestLogsRepo(db);

const lowPriorityThread = lowerThreadPriority();
const trimSoon = backgroundTrimmer(() => repo);

port.on('message', (msg: { seq: number; batch: LogBatch } | { type: 'close' }) => {
  if ('type' in msg) {
    db.close();
    port.close();
    return;
  }
  const started = performance.now();
  try {
    writeBatch(repo, msg.batch, init.retention, trimSoon);
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
  Atomics.store(done, 0, msg.seq);
  Atomics.notify(done, 0);
  port.postMessage({ type: 'written', ms: performance.now() - started, rows: msg.batch.rows.count });
});
port.postMessage({ type: 'ready', lowPriorityThread });
