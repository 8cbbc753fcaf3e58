import { exportProject, importProject, parseProjectFileText, serializeProjectFile } from '../transfer';
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
    .handle('projects.export', ({ project }, { core }) => {
      const file = exportProject(core.store, project, core.clock);
      return { fileName: `${file.project.slug ?? 'project'}.mockdeck.json`, text: serializeProjectFile(file) };
    })
    .handle('projects.import', ({ text, source }, { core }) =>
      importProject(core.catalog, parseProjectFileText(text, source)),
    );
}
