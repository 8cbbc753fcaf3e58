import { parse as parseYaml } from 'yaml';
import {
  executionListQuerySchema,
  pipelineCreateSchema,
  pipelineEventSchema,
  pipelineListQuerySchema,
  pipelinePatchSchema,
  type Pipeline,
  type PipelineEvent,
  type PipelineExecution,
  type PipelineStats,
} from '../../../shared/models/pipeline';
import type { SecretStore } from '../secrets/secret-store';
import { PipelinesRepo } from '../store/pipelines-repo';
import type { Store } from '../store/store';
import { isoNow, type Clock } from '../util/clock';
import { AppError, parseInput } from '../util/errors';
import { newId } from '../util/ids';
import { secretKeysOf, stashSecrets } from './secret-fields';

/** Executions kept per pipeline; older finished ones are deleted as new ones queue. */
export const EXECUTIONS_KEPT = 500;
/** A YAML definition larger than this is refused before parsing. */
const MAX_YAML = 256 * 1024;

const notFound = () =>
  new AppError('NOT_FOUND', 'Pipeline not found', { hint: 'list pipelines with GET /api/v1/pipelines' });

/**
 * Pipelines and their executions: the one use case REST, contract calls and the CLI share.
 * Queuing an execution (trigger, or a matching event) only writes its row; the runner
 * (./runner.ts) picks it up off the request path.
 */
export class PipelineService {
  readonly repo: PipelinesRepo;
  private readonly queuedListeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Where credentials of step configs go (./secret-fields.ts). */
    readonly secrets: () => Promise<SecretStore>,
  ) {
    this.repo = new PipelinesRepo(store.db);
  }

  /** Called after an execution is queued (and committed). */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }

  async create(input: unknown): Promise<Pipeline> {
    const body = parseInput(pipelineCreateSchema, input);
    const workspaceId = body.workspace_id ?? null;
    if (workspaceId !== null) this.requireProject(workspaceId);
    const id = newId();
    const now = isoNow(this.clock);
    const definition = await stashSecrets(body.definition, id, this.secrets);
    const p: Pipeline = {
      id,
      name: body.name,
      definition: { ...definition, name: definition.name ?? body.name },
      workspace_id: workspaceId,
      org_id: body.org_id ?? null,
      created_at: now,
      updated_at: now,
    };
    this.repo.insert(p);
    return p;
  }

  /** A pipeline from the YAML of mockops-api.md §Examples (`name`, `definition`, optional `workspace_id`). */
  async importYaml(text: string, workspaceId?: string): Promise<Pipeline> {
    if (text.length > MAX_YAML)
      throw new AppError('VALIDATION_ERROR', `a pipeline YAML is at most ${MAX_YAML / 1024} KiB`);
    let doc: unknown;
    try {
      doc = parseYaml(text, { maxAliasCount: 100 });
    } catch (e) {
      throw new AppError('VALIDATION_ERROR', `the YAML does not parse: ${(e as Error).message}`, {
        hint: 'see the examples in docs/pipelines.md',
      });
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new AppError('VALIDATION_ERROR', 'a pipeline YAML is a mapping with name and definition', {
        hint: 'see the examples in docs/pipelines.md',
      });
    }
    const d = doc as Record<string, unknown>;
    return this.create({ ...d, ...(workspaceId !== undefined ? { workspace_id: workspaceId } : {}) });
  }

  list(query: unknown = {}): Pipeline[] {
    const q = parseInput(pipelineListQuerySchema, query);
    return this.repo.list({
      workspaceId: q.workspace_id,
      orgId: q.org_id,
      enabled: q.enabled,
      limit: q.limit,
      offset: q.offset,
    });
  }

  get(id: string): Pipeline {
    return (
      this.repo.get(id) ??
      (() => {
        throw notFound();
      })()
    );
  }

  async patch(id: string, input: unknown): Promise<Pipeline> {
    const body = parseInput(pipelinePatchSchema, input);
    const current = this.get(id);
    let definition = body.definition ? await stashSecrets(body.definition, id, this.secrets) : current.definition;
    if (body.enabled !== undefined) definition = { ...definition, enabled: body.enabled };
    const next: Pipeline = { ...current, name: body.name ?? current.name, definition, updated_at: isoNow(this.clock) };
    this.repo.update(next);
    return next;
  }

  async delete(id: string): Promise<void> {
    const p = this.get(id);
    this.repo.delete(id);
    for (const key of secretKeysOf(p.definition)) await (await this.secrets()).delete(key).catch(() => false);
  }

  /** Queues a run now (a disabled pipeline too: a person asked). The event defaults to a manual one. */
  trigger(id: string, input: unknown = {}): PipelineExecution {
    const p = this.get(id);
    const rawEvent = (input as { event?: unknown } | undefined)?.event;
    const event: PipelineEvent =
      rawEvent === undefined
        ? { event_type: 'manual', workspace_id: p.workspace_id, payload: {}, timestamp: isoNow(this.clock) }
        : parseInput(pipelineEventSchema, rawEvent, 'event.');
    const e = this.queue(p, { ...event, timestamp: event.timestamp ?? isoNow(this.clock) });
    this.notifyQueued();
    return e;
  }

  /** Writes an execution row in state `started`; inside the caller's transaction when there is one. */
  queue(p: Pipeline, event: PipelineEvent): PipelineExecution {
    const e: PipelineExecution = {
      id: newId(),
      pipeline_id: p.id,
      trigger_event: event,
      status: 'started',
      started_at: isoNow(this.clock),
      completed_at: null,
      error_message: null,
      execution_log: [],
    };
    this.repo.insertExecution(e);
    this.repo.pruneExecutions(p.id, EXECUTIONS_KEPT);
    return e;
  }

  notifyQueued(): void {
    for (const l of this.queuedListeners) l();
  }

  stats(id: string): PipelineStats {
    this.get(id);
    return this.repo.stats(id);
  }

  executions(query: unknown = {}): PipelineExecution[] {
    const q = parseInput(executionListQuerySchema, query);
    return this.repo.listExecutions({ pipelineId: q.pipeline_id, status: q.status, limit: q.limit, offset: q.offset });
  }

  execution(id: string): PipelineExecution {
    const e = this.repo.getExecution(id);
    if (!e)
      throw new AppError('NOT_FOUND', 'Pipeline execution not found', {
        hint: 'list executions with GET /api/v1/pipelines/executions',
      });
    return e;
  }

  private requireProject(id: string): void {
    if (!this.store.projects.get(id)) {
      throw new AppError('VALIDATION_ERROR', `workspace_id ${id} is not a MockDeck project`, {
        field: 'workspace_id',
        hint: 'use a project id from GET /projects, or leave workspace_id out to listen to every project',
      });
    }
  }
}
