import type { Pipeline, PipelineEvent } from '../../../../shared/models/pipeline';
import type { Catalog } from '../../catalog/catalog';
import type { Cloud } from '../../cloud/cloud';
import type { Store } from '../../store/store';
import type { Clock } from '../../util/clock';

/** How deliveries (notify) are retried: `attempts` tries in all, waiting base·2^n ms between. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

/** What a step may reach. */
export interface StepDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  retry: RetryPolicy;
  cloud(): Promise<Cloud>;
  /** Where relative output_dir / repository paths resolve (the data dir, or the working dir). */
  baseDir: string;
}

export interface StepContext {
  pipeline: Pipeline;
  event: PipelineEvent;
  /** The event's fields (./events.ts scopeOf). */
  scope: Record<string, unknown>;
  /** Aborted on the step's timeout and on shutdown. */
  signal: AbortSignal;
  deps: StepDeps;
}

export interface StepResult {
  output: Record<string, unknown>;
}

/** A step: its config already templated and its secrets revealed. Throws to fail. */
export type StepRunner = (config: Record<string, unknown>, ctx: StepContext) => Promise<StepResult>;

/** Thrown by a delivery that failed its last try: the step ends in `dead_letter`. */
export class DeadLetter extends Error {
  constructor(
    message: string,
    readonly output: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Thrown for a config the step cannot use: names the field and the fix. */
export class StepConfigError extends Error {}
