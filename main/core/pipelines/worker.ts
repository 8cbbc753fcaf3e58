import type { Catalog } from '../catalog/catalog';
import type { Cloud } from '../cloud/cloud';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { OutboxConsumer } from './consumer';
import { PipelineRunner } from './runner';
import type { PipelineService } from './service';
import type { RetryPolicy } from './steps/types';

export interface PipelineWorkerOptions {
  /** Executions run at once. */
  concurrency: number;
  /** Notify deliveries: tries in all and the first backoff. */
  retry: RetryPolicy;
  /** How long a live event waits so a burst of edits is read as one batch (one config.changed). */
  coalesceMs: number;
  defaultStepTimeoutMs: number;
  /** Relative output_dir and repository paths resolve here. */
  baseDir: string;
}

export const DEFAULT_WORKER_OPTIONS: Omit<PipelineWorkerOptions, 'baseDir'> = {
  concurrency: 2,
  retry: { attempts: 4, baseDelayMs: 1000 },
  coalesceMs: 500,
  defaultStepTimeoutMs: 60_000,
};

export interface PipelineWorkerDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  service: PipelineService;
  secrets: () => Promise<SecretStore>;
  cloud: () => Promise<Cloud>;
  logger: Logger;
}

/**
 * The background half of pipelines: the outbox consumer that turns events into queued
 * executions, and the runner that runs them. A member of the app's Lifecycle; closing it
 * stops reading events and aborts the steps in flight (their executions run again on the
 * next start).
 */
export class PipelineWorker {
  readonly name = 'pipelines';
  readonly consumer: OutboxConsumer;
  readonly runner: PipelineRunner;

  constructor(deps: PipelineWorkerDeps, opts: PipelineWorkerOptions) {
    const { store, catalog, clock, service, secrets, cloud, logger } = deps;
    this.consumer = new OutboxConsumer(store, catalog, service, clock, logger, opts.coalesceMs);
    this.runner = new PipelineRunner(
      service,
      { store, catalog, clock, cloud, retry: opts.retry, baseDir: opts.baseDir },
      secrets,
      logger,
      { concurrency: opts.concurrency, defaultStepTimeoutMs: opts.defaultStepTimeoutMs },
    );
  }

  start(): void {
    this.runner.start();
    this.consumer.start();
  }

  /** Reads pending events now and resolves when every queued execution has finished (tests, CLI). */
  async settle(): Promise<void> {
    this.consumer.drain();
    await this.runner.idle();
  }

  async close(): Promise<void> {
    this.consumer.close();
    await this.runner.close();
  }
}
