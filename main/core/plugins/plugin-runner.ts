import { Worker } from 'node:worker_threads';
import { siblingWorkerUrl, workerExecArgv } from '../util/worker-file';
import { MAX_PLUGIN_IO_BYTES } from './abi';

/** How long a plugin thread may take to start (its first message), on a loaded machine. */
const STARTUP_MS = 15_000;

export interface LoadedPlugin {
  /** name@version#sha: what a worker caches the compiled module under. */
  key: string;
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface RunnerOptions {
  /** Threads running plugin calls at once. */
  threads?: number;
  /** How long one call may run before its thread is terminated. */
  budgetMs: number;
  /** Calls waiting for a thread beyond this are refused at once. */
  maxQueued?: number;
}

interface Slot {
  worker: Worker | null;
  /** Resolves when the thread reports ready (its module code loaded). */
  ready: Promise<void>;
  loaded: Set<string>;
  busy: boolean;
}

interface Job {
  plugin: LoadedPlugin;
  input: string;
  resolve: (output: string) => void;
  reject: (e: Error) => void;
}

/**
 * Runs plugin calls on worker threads (plugin-host.worker.ts), one call per thread at a time.
 * A call that outlives its budget — a loop — gets its thread terminated (the next call
 * starts a new one); a thread that dies of its heap limit or a trap fails that call only.
 * Threads start on first use, so a MockDeck without plugins starts none.
 */
export class PluginRunner {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: RunnerOptions) {
    this.slots = Array.from({ length: opts.threads ?? 2 }, () => ({
      worker: null,
      ready: Promise.resolve(),
      loaded: new Set(),
      busy: false,
    }));
  }

  run(plugin: LoadedPlugin, input: string): Promise<string> {
    if (this.closed) return Promise.reject(new Error('MockDeck is shutting down'));
    if (Buffer.byteLength(input) > MAX_PLUGIN_IO_BYTES) {
      return Promise.reject(new Error(`the request and response are more than ${MAX_PLUGIN_IO_BYTES} bytes together`));
    }
    if (this.queue.length >= (this.opts.maxQueued ?? 256)) {
      return Promise.reject(new Error('too many plugin calls are waiting; try again'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ plugin, input, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('MockDeck is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.busy) this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.busy = true;
    const worker = (slot.worker ??= this.spawn(slot));
    slot.ready.then(
      () => this.dispatch(slot, worker, job),
      (e: Error) => {
        if (slot.worker === worker) slot.worker = null;
        void worker.terminate();
        slot.busy = false;
        job.reject(new Error(`its thread did not start: ${e.message}`));
        this.pump();
      },
    );
  }

  private dispatch(slot: Slot, worker: Worker, job: Job): void {
    if (!slot.loaded.has(job.plugin.key)) {
      worker.postMessage({ type: 'load', key: job.plugin.key, bytes: job.plugin.bytes });
      slot.loaded.add(job.plugin.key);
    }
    const id = this.nextId++;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.busy = false;
      fn();
      this.pump();
    };
    const reset = () => {
      if (slot.worker === worker) {
        slot.worker = null;
        slot.loaded.clear();
      }
      void worker.terminate();
    };
    const onMessage = (m: { id: number; ok: boolean; output?: string; error?: string }) => {
      if (m.id !== id) return;
      finish(() => (m.ok ? job.resolve(m.output!) : job.reject(new Error(`it trapped: ${m.error}`))));
    };
    const onError = (e: Error) => {
      reset();
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() => job.reject(new Error(oom ? 'it ran out of memory' : `its thread failed: ${e.message}`)));
    };
    const onExit = () => {
      reset();
      finish(() => job.reject(new Error('its thread stopped')));
    };
    const timer = setTimeout(() => {
      reset();
      finish(() => job.reject(new Error(`it did not finish within ${this.opts.budgetMs} ms`)));
    }, this.opts.budgetMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ type: 'call', id, key: job.plugin.key, input: job.input, maxOutput: MAX_PLUGIN_IO_BYTES });
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(siblingWorkerUrl('plugin-host', import.meta.url), {
      execArgv: workerExecArgv(import.meta.url),
      // The JS heap of the thread; a plugin's own memory is capped by its declared maximum.
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    worker.unref();
    slot.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${STARTUP_MS} ms`)), STARTUP_MS);
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    worker.on('error', () => {
      if (slot.worker === worker) {
        slot.worker = null;
        slot.loaded.clear();
      }
    });
    return worker;
  }
}
