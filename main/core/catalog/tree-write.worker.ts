/**
 * Writes one project tree (TreeService.write: one transaction, its domain events' outbox rows
 * included) over its own connection to catalog.db, on a worker thread (./tree-worker.ts), and
 * answers the created tree with the events recorded, for the caller's thread to deliver. The
 * draft was validated by the caller. Just before COMMIT it claims the shared state; if the
 * caller has abandoned the write (timeout, app closing), it rolls back instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DomainEvent } from '../../../shared/models';
import { openStore } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError } from '../util/errors';
import { CatalogEvents } from './events';
import { ProjectService } from './projects';
import { COMMITTING, RUNNING, type TreeWriteJob, type TreeWriteReply } from './tree-worker';
import { TreeService } from './trees';

const job = workerData as TreeWriteJob;
const state = new Int32Array(job.state);
const reply = (m: TreeWriteReply): void => parentPort!.postMessage(m);

const store = openStore(job.dataDir);
try {
  const clock: Clock = { now: () => new Date(job.now) };
  const events = new CatalogEvents(store, clock);
  const recorded: DomainEvent[] = [];
  events.onEvent((e) => recorded.push(e));
  const trees = new TreeService(store, clock, events, new ProjectService(store, clock, events));
  const result = store.tx(() => {
    const r = trees.write(job.draft, job.opts);
    if (Atomics.compareExchange(state, 0, RUNNING, COMMITTING) !== RUNNING) {
      throw new Error('the write was abandoned by its caller');
    }
    return r;
  });
  reply({ type: 'done', result, events: recorded });
} catch (e) {
  reply({ type: 'failed', error: e instanceof AppError ? e.toShape() : { message: (e as Error).message } });
} finally {
  store.close();
}
