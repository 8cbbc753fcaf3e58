import type { PipelineExecution, PipelineStep, StepLog } from '../../../shared/models/pipeline';
import type { SecretStore } from '../secrets/secret-store';
import { isoNow } from '../util/clock';
import type { Logger } from '../util/logger';
import { scopeOf } from './events';
import { revealSecrets } from './secret-fields';
import type { PipelineService } from './service';
import { STEP_RUNNERS } from './steps';
import { DeadLetter, type StepDeps } from './steps/types';
import { renderConfig } from './template';

export interface RunnerOptions {
  /** Executions run at once (default 2). */
  concurrency: number;
  /** A step without its own `timeout` (default 60 s). */
  defaultStepTimeoutMs: number;
}

const SHUTDOWN = 'MockDeck shut down during the run';

/**
 * Runs queued executions off the request path, `concurrency` at a time, each step bounded
 * by its timeout. `close()` aborts the steps in flight and waits for them; an execution
 * interrupted that way, or by a crash, goes back to the queue and runs on the next start.
 */
export class PipelineRunner {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly stop = new AbortController();
  private unsubscribe: (() => void) | null = null;
  private readonly finishedListeners = new Set<(e: PipelineExecution) => void>();

  constructor(
    private readonly service: PipelineService,
    private readonly deps: StepDeps,
    private readonly secrets: () => Promise<SecretStore>,
    private readonly logger: Logger,
    private readonly opts: RunnerOptions,
  ) {}

  start(): void {
    this.service.repo.requeueInterrupted();
    this.unsubscribe = this.service.onQueued(() => this.pump());
    this.pump();
  }

  /** Told when an execution ends, completed or failed (the UI notifies failures). */
  onFinished(listener: (e: PipelineExecution) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Starts queued executions while there is room. */
  pump(): void {
    if (this.stop.signal.aborted) return;
    const room = this.opts.concurrency - this.inFlight.size;
    if (room <= 0) return;
    const next = this.service.repo.queued(room + this.inFlight.size).filter((e) => !this.inFlight.has(e.id));
    for (const e of next.slice(0, room)) {
      const run = this.run(e)
        .catch((err: unknown) => this.logger.error(`pipeline execution ${e.id} failed unexpectedly`, err))
        .finally(() => {
          this.inFlight.delete(e.id);
          this.pump();
        });
      this.inFlight.set(e.id, run);
    }
  }

  /** Resolves when nothing is queued or running (tests, the CLI's `pipelines run`). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || (!this.stop.signal.aborted && this.service.repo.queued(1).length > 0)) {
      if (this.inFlight.size === 0) this.pump();
      await Promise.race([...this.inFlight.values(), new Promise((r) => setTimeout(r, 20))]);
    }
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.stop.abort(new Error(SHUTDOWN));
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async run(e: PipelineExecution): Promise<void> {
    const pipeline = this.service.repo.get(e.pipeline_id);
    if (!pipeline) return;
    const started = Date.now();
    const exec: PipelineExecution = { ...e, status: 'running', execution_log: [] };
    this.service.repo.saveExecution(exec, null);
    const scope = scopeOf(e.trigger_event);
    let failure: string | null = null;
    for (const step of pipeline.definition.steps) {
      if (this.stop.signal.aborted) break;
      if (failure !== null) {
        exec.execution_log.push(this.logOf(step, 'skipped', null, 'an earlier step failed'));
        continue;
      }
      const log = this.logOf(step, 'running', null, null);
      exec.execution_log.push(log);
      this.service.repo.saveExecution(exec, null);
      try {
        const config = renderConfig(await revealSecrets(step.config, this.secrets), scope);
        const output = await this.bounded(step, (signal) =>
          STEP_RUNNERS[step.step_type](config, { pipeline, event: e.trigger_event, scope, signal, deps: this.deps }),
        );
        Object.assign(log, { status: 'completed', output: output.output });
      } catch (err) {
        if (this.stop.signal.aborted) break;
        const message = (err as Error).message;
        Object.assign(log, {
          status: err instanceof DeadLetter ? 'dead_letter' : 'failed',
          error_message: message,
          output: err instanceof DeadLetter ? err.output : null,
        });
        if (!step.continue_on_error) failure = `step ${step.name} failed: ${message}`;
      }
      log.completed_at = isoNow(this.deps.clock);
      this.service.repo.saveExecution(exec, null);
    }
    if (this.stop.signal.aborted) {
      // Back to the queue: the next start runs it from its first step.
      this.service.repo.saveExecution({ ...exec, status: 'started', execution_log: [] }, null);
      return;
    }
    exec.status = failure === null ? 'completed' : 'failed';
    exec.error_message = failure;
    exec.completed_at = isoNow(this.deps.clock);
    this.service.repo.saveExecution(exec, Date.now() - started);
    for (const l of this.finishedListeners) l(exec);
  }

  /** Runs a step under its timeout and the shutdown signal; a step that ignores its signal is still abandoned. */
  private async bounded<T>(step: PipelineStep, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ms = step.timeout !== null ? step.timeout * 1000 : this.opts.defaultStepTimeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error(`step ${step.name} timed out after ${ms / 1000} s`)), ms);
    const signal = AbortSignal.any([timeout.signal, this.stop.signal]);
    try {
      return await Promise.race([
        fn(signal),
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason as Error);
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private logOf(
    step: PipelineStep,
    status: StepLog['status'],
    output: StepLog['output'],
    error: string | null,
  ): StepLog {
    return {
      step_name: step.name,
      step_type: step.step_type,
      status,
      started_at: isoNow(this.deps.clock),
      completed_at: status === 'skipped' ? isoNow(this.deps.clock) : null,
      output,
      error_message: error,
    };
  }
}
