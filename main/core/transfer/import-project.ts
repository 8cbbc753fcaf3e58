import type { ImportProjectResult } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { AppError, parseInput } from '../util/errors';
import { projectFileHeaderSchema, upgradeProjectFile } from './project-file';

/** What an import created; the contract's `projects.import` answers it as is. */
export type ImportResult = ImportProjectResult;

/** Parses the text of a project file; `source` names it in messages (a path, "stdin"…). */
export function parseProjectFileText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('VALIDATION_ERROR', `${source} is not valid JSON: ${(e as Error).message}`, {
      hint: 'a MockDeck project file is the JSON written by `mockdeck export`',
    });
  }
}

/**
 * Creates a NEW project from a project file of any known version, in one transaction
 * (catalog.trees): every mock and response or nothing. Validation errors name the JSON path
 * of the offending value, e.g. `mocks.2.responses.0.statusCode`. The file is validated on
 * this thread and written on a worker (TreeService.createOffThread): a 10,000-mock file
 * does not hold up mock answers while it is written.
 */
export async function importProject(catalog: Catalog, input: unknown): Promise<ImportResult> {
  const file = upgradeProjectFile(input) as Record<string, unknown>;
  parseInput(projectFileHeaderSchema, file);
  const r = await catalog.trees.createOffThread(
    { project: file.project, mocks: file.mocks, buckets: file.buckets },
    { source: 'project-file', slug: 'unique', port: 'drop' },
  );
  return {
    project: r.project,
    slug: r.project.slug,
    slugChanged: r.adjusted.slug !== null,
    mockCount: r.mockCount,
    responseCount: r.responseCount,
    droppedPort: r.adjusted.droppedPort,
  };
}
