import type { Project } from '../../../shared/models';
import {
  MAX_BATCH_ENDPOINTS,
  MAX_BATCH_SCENARIOS,
  MAX_BATCH_SCENARIOS_PER_ENDPOINT,
  batchCreateDraft,
  batchCreatePath,
  batchCreateSchema,
} from '../../../shared/wire/batch-create';
import { AppError, parseInput } from '../util/errors';
import type { TreeService } from './trees';

/** Creates the project, its mocks and their responses in one transaction: all or nothing. */
export function batchCreate(
  trees: TreeService,
  input: unknown,
): { project: Project; mockCount: number; responseCount: number } {
  refuseOversized(input);
  const data = parseInput(batchCreateSchema, input);
  try {
    const r = trees.create(batchCreateDraft(data), { source: 'batch-create', slug: 'unique', port: 'drop' });
    return { project: r.project, mockCount: r.mockCount, responseCount: r.responseCount };
  } catch (e) {
    throw e instanceof AppError && e.field ? inPayload(e) : e;
  }
}

/** The tree service names draft paths; the caller sent endpoints and scenarios. */
function inPayload(e: AppError): AppError {
  const field = batchCreatePath(e.field!);
  const where = field.replace(/\.[^.]+$/, '');
  const message = e.message.includes(e.field!) ? e.message.split(e.field!).join(field) : `${where}: ${e.message}`;
  const opts: { field: string; hint?: string } = { field };
  if (e.hint) opts.hint = e.hint;
  return new AppError(e.code, message, opts);
}

/**
 * The count limits, checked on the raw input before zod validates every scenario: 50,000
 * empty scenarios are a 150 KB body but cost a third of a second to validate alone.
 */
function refuseOversized(input: unknown): void {
  const endpoints = (input as { endpoints?: unknown } | null)?.endpoints;
  if (!Array.isArray(endpoints)) return;
  const hint = 'split the project into several batch-creates, or import a project file';
  if (endpoints.length > MAX_BATCH_ENDPOINTS) {
    throw new AppError(
      'VALIDATION_ERROR',
      `endpoints: a batch may create at most ${MAX_BATCH_ENDPOINTS} endpoints, got ${endpoints.length}`,
      { field: 'endpoints', hint },
    );
  }
  let total = 0;
  for (const [i, e] of endpoints.entries()) {
    const scenarios = (e as { scenarios?: unknown } | null)?.scenarios;
    if (!Array.isArray(scenarios)) continue;
    if (scenarios.length > MAX_BATCH_SCENARIOS_PER_ENDPOINT) {
      throw new AppError(
        'VALIDATION_ERROR',
        `endpoints.${i}.scenarios: an endpoint may have at most ${MAX_BATCH_SCENARIOS_PER_ENDPOINT} scenarios, got ${scenarios.length}`,
        { field: `endpoints.${i}.scenarios`, hint },
      );
    }
    total += scenarios.length;
  }
  if (total > MAX_BATCH_SCENARIOS) {
    throw new AppError(
      'VALIDATION_ERROR',
      `endpoints: a batch may create at most ${MAX_BATCH_SCENARIOS} scenarios in all, got ${total}`,
      { field: 'endpoints', hint },
    );
  }
}
