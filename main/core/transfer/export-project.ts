import { draftOf, type ExportFormat } from '../../../shared/models';
import { groupByMock } from '../catalog/projects';
import type { Store } from '../store/store';
import { AppError } from '../util/errors';
import type { Clock } from '../util/clock';
import { writerFor } from './formats/registry';
import type { ExportResult } from './formats/types';
import { PROJECT_FILE_KIND, PROJECT_FILE_VERSION, type ProjectFile } from './project-file';

/** Finds a project by slug, or by id for scripts that hold one. */
export function findProject(store: Store, slugOrId: string) {
  const p = store.projects.getBySlug(slugOrId) ?? store.projects.get(slugOrId);
  if (!p) {
    throw new AppError('NOT_FOUND', `no project with slug or id "${slugOrId}"`, {
      hint: 'list the projects with `mockdeck projects`',
    });
  }
  return p;
}

/**
 * The project as a native file: its draft (content fields only, taken by the model's keys,
 * so nothing added to the stored rows later — ids, cloud links, tokens — leaks into a file
 * users commit to git or send around), mocks and responses in their order, and its data
 * buckets' content (their current values are this machine's state, not the project's).
 */
export function exportProject(store: Store, slugOrId: string, clock: Clock): ProjectFile {
  const p = findProject(store, slugOrId);
  const responses = groupByMock(store.responses.listByProject(p.id));
  return {
    mockdeck: PROJECT_FILE_KIND,
    version: PROJECT_FILE_VERSION,
    exportedAt: clock.now().toISOString(),
    ...draftOf(p, store.mocks.listByProject(p.id), (id) => responses.get(id) ?? [], store.buckets.listByProject(p.id)),
  };
}

/** The project in any format the registry writes (formats/registry.ts). */
export function exportDocument(store: Store, slugOrId: string, format: ExportFormat, clock: Clock): ExportResult {
  return writerFor(format).write(exportProject(store, slugOrId, clock));
}
