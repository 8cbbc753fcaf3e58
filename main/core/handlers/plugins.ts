import { notFound } from '../util/errors';
import type { HandlerCore } from './context';
import type { Router } from './router';

export function registerPluginHandlers(router: Router): void {
  router
    .handle('plugins.list', (_input, { core }) =>
      core.plugins.store.list().map((p) => ({ ...p, runBy: core.plugins.bindings.scopesRunning(p.name).length })),
    )
    .handle('plugins.install', ({ wasm, manifest }, { core }) => {
      const bytes = new Uint8Array(Buffer.from(wasm, 'base64'));
      return core.plugins.install(manifest, bytes, 'file');
    })
    .handle('plugins.remove', ({ name }, { core }) => {
      core.plugins.remove(name);
      return { removed: true as const };
    })
    .handle('plugins.bindings', ({ projectId, mockId }, { core }) => {
      core.catalog.projects.require(projectId);
      if (mockId) requireMockOf(core, projectId, mockId);
      return { plugins: [...core.plugins.bindings.of(mockId ?? projectId)] };
    })
    .handle('plugins.setBindings', ({ projectId, mockId, plugins }, { core }) => {
      core.catalog.projects.require(projectId);
      if (mockId) requireMockOf(core, projectId, mockId);
      return { plugins: core.plugins.setBindings(projectId, mockId, plugins) };
    });
}

/** A mock of that project: bindings of another project's mock would recompile the wrong project. */
function requireMockOf(core: HandlerCore, projectId: string, mockId: string): void {
  if (core.catalog.mocks.require(mockId).projectId !== projectId) throw notFound('Mock', mockId);
}
