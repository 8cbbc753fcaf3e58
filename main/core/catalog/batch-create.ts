import type { Project } from '../../../shared/models';
import { batchCreateDraft, batchCreatePath, batchCreateSchema } from '../../../shared/wire/batch-create';
import { AppError, parseInput } from '../util/errors';
import type { TreeService } from './trees';

/** Creates the project, its mocks and their responses in one transaction: all or nothing. */
export function batchCreate(
  trees: TreeService,
  input: unknown,
): { project: Project; mockCount: number; responseCount: number } {
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
