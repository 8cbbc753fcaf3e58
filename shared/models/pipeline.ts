import { z } from 'zod';

/**
 * Pipelines (docs/pipelines.md): automation that runs when something happens in MockDeck,
 * in the shapes of mockops-api.md §Pipelines (snake_case on purpose: the definition is the
 * same document MockOps stores, so scripts and YAML written for MockOps work here).
 */

/** Events a trigger may name (mockops' list; MockDeck emits the first five). */
export const PIPELINE_EVENT_TYPES = [
  'workspace.created',
  'config.changed',
  'schema.changed',
  'scenario.published',
  'promotion.completed',
  'drift.threshold_exceeded',
  'persona.published',
] as const;
export type PipelineEventType = (typeof PIPELINE_EVENT_TYPES)[number];

export const PIPELINE_STEP_TYPES = ['notify', 'regenerate_sdk', 'auto_promote', 'create_pr'] as const;
export type PipelineStepType = (typeof PIPELINE_STEP_TYPES)[number];

export const EXECUTION_STATUSES = ['started', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** `dead_letter`: a delivery that failed on its last try (notify). */
export const STEP_STATUSES = ['running', 'completed', 'failed', 'dead_letter', 'skipped', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** A filter value is compared with the event's field of the same name (strings, numbers, booleans). */
const filterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const pipelineTriggerSchema = z.object({
  event: z.enum(PIPELINE_EVENT_TYPES, {
    error: () => `event must be one of ${PIPELINE_EVENT_TYPES.join(', ')}`,
  }),
  filters: z.record(z.string(), filterValue).default({}),
});
export type PipelineTrigger = z.output<typeof pipelineTriggerSchema>;

/** The longest a step may run: a definition asking for more is refused, not silently capped. */
export const MAX_STEP_TIMEOUT_S = 600;
export const MAX_STEPS = 20;

export const pipelineStepSchema = z.object({
  name: z.string().trim().min(1, 'a step needs a name').max(100),
  step_type: z.enum(PIPELINE_STEP_TYPES, {
    error: () => `step_type must be one of ${PIPELINE_STEP_TYPES.join(', ')}`,
  }),
  config: z.record(z.string(), z.unknown()).default({}),
  continue_on_error: z.boolean().default(false),
  /** Seconds; null: the runner's default (60 s). */
  timeout: z.number().int().min(1).max(MAX_STEP_TIMEOUT_S).nullable().default(null),
});
export type PipelineStep = z.output<typeof pipelineStepSchema>;

export const pipelineDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  enabled: z.boolean().default(true),
  triggers: z.array(pipelineTriggerSchema).max(20).default([]),
  steps: z.array(pipelineStepSchema).min(1, 'a pipeline needs at least one step').max(MAX_STEPS),
});
export type PipelineDefinition = z.output<typeof pipelineDefinitionSchema>;

export const pipelineCreateSchema = z.object({
  name: z.string({ error: 'Missing required field: name' }).trim().min(1, 'Missing required field: name').max(200),
  definition: pipelineDefinitionSchema,
  /** The project the pipeline belongs to (mockops' workspace); null: every project's events. */
  workspace_id: z.string().min(1).nullable().optional(),
  /** Kept for MockOps compatibility; MockDeck has no organisations locally. */
  org_id: z.string().min(1).nullable().optional(),
});
export type PipelineCreate = z.input<typeof pipelineCreateSchema>;

export const pipelinePatchSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  definition: pipelineDefinitionSchema.optional(),
  enabled: z.boolean().optional(),
});
export type PipelinePatch = z.input<typeof pipelinePatchSchema>;

export interface Pipeline {
  id: string;
  name: string;
  definition: PipelineDefinition;
  workspace_id: string | null;
  org_id: string | null;
  created_at: string;
  updated_at: string;
}

export const pipelineListQuerySchema = z.object({
  workspace_id: z.string().min(1).optional(),
  org_id: z.string().min(1).optional(),
  enabled: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type PipelineListQuery = z.input<typeof pipelineListQuerySchema>;

/** What a pipeline runs on: an event MockDeck emitted, or one given to a manual trigger. */
export const pipelineEventSchema = z.object({
  event_type: z.string().min(1).max(100),
  workspace_id: z.string().nullable().optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
  timestamp: z.string().optional(),
});
export type PipelineEvent = z.output<typeof pipelineEventSchema>;

export interface StepLog {
  step_name: string;
  step_type: PipelineStepType;
  status: StepStatus;
  started_at: string;
  completed_at: string | null;
  output: Record<string, unknown> | null;
  error_message: string | null;
}

export interface PipelineExecution {
  id: string;
  pipeline_id: string;
  trigger_event: PipelineEvent;
  status: ExecutionStatus;
  started_at: string;
  completed_at: string | null;
  error_message: string | null;
  execution_log: StepLog[];
}

export const executionListQuerySchema = z.object({
  pipeline_id: z.string().min(1).optional(),
  status: z
    .enum(EXECUTION_STATUSES, { error: () => `status must be one of ${EXECUTION_STATUSES.join(', ')}` })
    .optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ExecutionListQuery = z.input<typeof executionListQuerySchema>;

export interface PipelineStats {
  pipeline_id: string;
  total_executions: number;
  successful_executions: number;
  failed_executions: number;
  last_execution_at: string | null;
  average_duration_ms: number | null;
}
