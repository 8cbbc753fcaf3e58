import { shadowWarnings, type RouteWarning } from '../../../shared/models';
import type { ImportProjectResult } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { AppError } from '../util/errors';
import { readDocument, type ReadDocument, type ReadDocumentInput } from './formats/registry';
import type { ReadOptions } from './formats/types';

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
 * Creates a NEW project from a document in any format the registry reads (formats/registry.ts),
 * in one transaction (catalog.trees): every mock and response or nothing. Validation errors
 * name the JSON path of the offending value, e.g. `mocks.2.responses.0.statusCode`. The
 * draft is written on a worker (TreeService.createOffThread): a 10,000-mock file does not
 * hold up mock answers while it is written.
 */
export async function importDocument(
  catalog: Catalog,
  input: ReadDocumentInput,
  opts: ReadOptions = {},
): Promise<ImportResult> {
  return createFromRead(catalog, await readDocument(input, opts));
}

/** Writes a document already read (the dialog imports what it previewed). */
export async function createFromRead(catalog: Catalog, read: ReadDocument): Promise<ImportResult> {
  const r = await catalog.trees.createOffThread(read.draft, {
    source: read.format === 'native' ? 'project-file' : 'import',
    slug: 'unique',
    port: 'drop',
  });
  return {
    project: r.project,
    slug: r.project.slug,
    slugChanged: r.adjusted.slug !== null,
    mockCount: r.mockCount,
    responseCount: r.responseCount,
    droppedPort: r.adjusted.droppedPort,
    report: read.report,
    ...routeWarnings(catalog, r.project.id),
  };
}

/** An imported document may define one route twice (Mockoon allows it): say which mock never answers. */
function routeWarnings(catalog: Catalog, projectId: string): { warnings?: RouteWarning[] } {
  const warnings = shadowWarnings(catalog.store.mocks.listByProject(projectId));
  return warnings.length > 0 ? { warnings } : {};
}

/** A MockDeck project file already parsed (tests, callers holding JSON). */
export function importProject(catalog: Catalog, file: unknown): Promise<ImportResult> {
  return importDocument(catalog, { content: JSON.stringify(file), format: 'native' });
}
