import { z } from 'zod';
import {
  executionListQuerySchema,
  pipelineCreateSchema,
  pipelineEventSchema,
  pipelineListQuerySchema,
  pipelinePatchSchema,
  type Pipeline,
  type PipelineExecution,
  type PipelineStats,
} from '../models/pipeline';
import { call, reads, writes } from './call-meta';

/**
 * The pipelines block of the IPC contract (spread into `calls` in contract.ts): the same use
 * cases the REST API serves at /api/v1/pipelines (mockops-api.md §Pipelines).
 */

const id = z.string().min(1, 'id is required');

export const pipelineCalls = {
  'pipelines.list': call(
    pipelineListQuerySchema.optional(),
    reads(
      'Lists pipelines, optionally only those of a project (workspace_id) or only enabled ones.',
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<Pipeline[]>(),
  'pipelines.get': call(
    z.object({ id }),
    reads('Shows one pipeline with its definition.', 'rest', 'cli', 'mcp'),
  ).returns<Pipeline>(),
  'pipelines.create': call(
    pipelineCreateSchema,
    writes('Creates a pipeline: triggers (events it runs on) and steps (what it does).', 'rest', 'cli'),
  ).returns<Pipeline>(),
  'pipelines.importYaml': call(
    z.object({
      text: z.string().max(256 * 1024, 'a pipeline YAML is at most 256 KiB'),
      workspace_id: z.string().min(1).optional(),
    }),
    writes('Creates a pipeline from its YAML form (name and definition, as in mockops-api.md).', 'cli'),
  ).returns<Pipeline>(),
  'pipelines.update': call(
    z.object({ id, patch: pipelinePatchSchema }),
    writes('Renames a pipeline, replaces its definition, or enables or disables it.', 'rest', 'cli'),
  ).returns<Pipeline>(),
  'pipelines.delete': call(
    z.object({ id }),
    writes('Deletes a pipeline, its executions and its stored credentials.', 'rest', 'cli'),
  ).returns<{
    deleted: true;
  }>(),
  'pipelines.trigger': call(
    z.object({ id, event: pipelineEventSchema.optional() }),
    writes('Runs a pipeline now (in the background), optionally with the event it should see.', 'rest', 'cli'),
  ).returns<PipelineExecution>(),
  'pipelines.stats': call(
    z.object({ id }),
    reads(
      'Counts a pipeline’s executions: total, succeeded, failed, the last one and the average duration.',
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<PipelineStats>(),
  'pipelines.executions': call(
    executionListQuerySchema.optional(),
    reads('Lists pipeline executions, newest first, with their step logs.', 'rest', 'cli', 'mcp'),
  ).returns<PipelineExecution[]>(),
  'pipelines.execution': call(
    z.object({ id }),
    reads('Shows one pipeline execution with its step log.', 'rest', 'cli', 'mcp'),
  ).returns<PipelineExecution>(),
} as const;

/** Told to the UI when an execution ends (a failed one is shown as a notification). */
export const pipelineEvents = {
  'pipelines.executionFinished': undefined as unknown as PipelineExecution,
} as const;
