import { exportDocument, fetchDocument, importDocument, previewOf, readDocument, type ReadOptions } from '../transfer';
import type { Router } from './router';

export function registerProjectHandlers(router: Router): void {
  router
    .handle('projects.list', (input, { core }) => core.catalog.projects.list(input?.search))
    .handle('projects.get', ({ id }, { core }) => core.catalog.projects.get(id))
    .handle('projects.create', (input, { core }) => core.catalog.projects.create(input))
    .handle('projects.batchCreate', (input, { core }) => core.catalog.batchCreate(input))
    .handle('projects.update', ({ id, patch }, { core }) => core.catalog.projects.update(id, patch))
    .handle('proxy.recording', ({ projectId }, { core }) => {
      core.catalog.projects.require(projectId);
      return core.proxy.recorder.statusOf(projectId);
    })
    .handle('projects.delete', ({ id }, { core }) => {
      core.catalog.projects.delete(id);
      return { deleted: true as const };
    })
    .handle('projects.duplicate', ({ id }, { core }) => core.catalog.projects.duplicate(id))
    .handle('projects.export', ({ project, format }, { core }) =>
      exportDocument(core.store, project, format, core.clock),
    )
    .handle('projects.import', ({ text, source, format, name, basePath, files }, { core }) =>
      importDocument(core.catalog, { content: text, format, name, basePath, fileName: source }, readerOf(files)),
    )
    .handle('projects.fetchImport', ({ url }, { signal }) => fetchDocument(url, { signal }))
    .handle('projects.previewImport', async ({ text, source, format, name, basePath, files }) =>
      previewOf(await readDocument({ content: text, format, name, basePath, fileName: source }, readerOf(files))),
    );
}

/** The files a caller read for the document (projects.import's `files`), as the readers ask for them. */
function readerOf(files: Record<string, string> | undefined): ReadOptions {
  if (!files) return {};
  const map = new Map(Object.entries(files));
  return { readFile: (p) => map.get(p) };
}
