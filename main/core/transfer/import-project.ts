import { slugify, type Project } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { AppError, parseInput } from '../util/errors';
import { PROJECT_FILE_KIND, PROJECT_FILE_VERSION, projectFileSchema } from './project-file';

export interface ImportResult {
  project: Project;
  /** The slug the project got: the file's, or `<slug>-2`… when that one was taken. */
  slug: string;
  slugChanged: boolean;
  mockCount: number;
  responseCount: number;
  /** The file's dedicated port when another project already owns it (the import drops it). */
  droppedPort: number | null;
}

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
 * Creates a NEW project from a project file in one transaction: every mock and response
 * or nothing. Validation errors name the JSON path of the offending value, e.g.
 * `mocks.2.responses.0.statusCode`.
 */
export function importProject(catalog: Catalog, input: unknown): ImportResult {
  refuseNewerVersion(input);
  const file = parseInput(projectFileSchema, input);
  const store = catalog.store;
  return store.tx(() => {
    const wanted = file.project.slug ?? slugify(file.project.name);
    const slug = catalog.projects.uniqueSlug(wanted);
    const port = file.project.port ?? null;
    const portFree = port === null || !store.projects.getByPort(port);
    const project = catalog.projects.create({
      name: file.project.name,
      description: file.project.description,
      isPublic: file.project.isPublic,
      slug,
      port: portFree ? port : null,
    });
    let responseCount = 0;
    file.mocks.forEach((m, i) => {
      const { responses, ...fields } = m;
      const mock = atPath(`mocks.${i}`, () => catalog.mocks.create(project.id, fields));
      responses.forEach((r, j) => {
        atPath(`mocks.${i}.responses.${j}`, () => catalog.responses.create(mock.id, r));
        responseCount++;
      });
    });
    return {
      project: store.projects.get(project.id) ?? project,
      slug,
      slugChanged: slug !== wanted,
      mockCount: file.mocks.length,
      responseCount,
      droppedPort: portFree ? null : port,
    };
  });
}

function refuseNewerVersion(input: unknown): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('VALIDATION_ERROR', 'a project file must be a JSON object', {
      hint: `expected {"mockdeck": "${PROJECT_FILE_KIND}", "version": ${PROJECT_FILE_VERSION}, ...} as written by \`mockdeck export\``,
    });
  }
  const { mockdeck, version } = input as Record<string, unknown>;
  if (mockdeck === PROJECT_FILE_KIND && typeof version === 'number' && version > PROJECT_FILE_VERSION) {
    throw new AppError(
      'VALIDATION_ERROR',
      `this project file has version ${version}, written by a newer MockDeck; this MockDeck reads version ${PROJECT_FILE_VERSION}`,
      { field: 'version', hint: 'update MockDeck to import it' },
    );
  }
}

/** Re-labels a validation error with where it sits in the file. */
function atPath<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION_ERROR') {
      throw new AppError('VALIDATION_ERROR', `${prefix}: ${e.message}`, {
        field: e.field ? `${prefix}.${e.field}` : prefix,
      });
    }
    throw e;
  }
}
