/**
 * Writes request-log batches on a worker thread, through the same RequestLogsRepo.insertRows
 * (one transaction, counters, retention) as the inline path, over its own connection to
 * logs.db: SQLite's per-row cost then stays off the thread that answers requests.
 * Protocol: {seq, rows} in (LogRows); after each batch, `done[0] = seq` and Atomics.notify (so the
 * main thread can block in flushLogs); {type:'ready'} once open, {type:'error'} on failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/connection';
import type { LogRows } from '../store/log-rows';
import { RequestLogsRepo } from '../store/request-logs-repo';

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

port.on('message', (msg: { seq: number; rows: LogRows } | { type: 'close' }) => {
  if ('type' in msg) {
    db.close();
    port.close();
    return;
  }
  try {
    repo.insertRows(msg.rows, init.retention);
  } catch (e) {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
  Atomics.store(done, 0, msg.seq);
  Atomics.notify(done, 0);
});
port.postMessage({ type: 'ready' });
