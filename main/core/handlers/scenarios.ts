import { AppError, notFound } from '../util/errors';
import { listScenarios, resetScenarios } from '../server/scenarios';
import type { HandlerCore } from './context';
import type { Router } from './router';

/**
 * Scenario states (WireMock's model) live in the served project's runtime, in memory: these
 * calls show them and put them back in their start state (docs/rules.md).
 */
export function registerScenarioHandlers(router: Router): void {
  router.handle('scenarios.list', ({ projectId }, { core }) => list(core, projectId));
  router.handle('scenarios.reset', ({ projectId, name }, { core }) => {
    const scenarios = list(core, projectId);
    if (name !== undefined && !scenarios.some((s) => s.name === name)) {
      const known = scenarios.map((s) => s.name).join(', ') || 'none';
      throw new AppError('NOT_FOUND', `no response of this project names scenario "${name}"`, {
        hint: `the project's scenarios are: ${known}`,
      });
    }
    resetScenarios(runtimeOf(core, projectId), name);
    return list(core, projectId);
  });
}

function runtimeOf(core: HandlerCore, projectId: string) {
  core.catalog.projects.require(projectId);
  const runtime = core.server.runtime(projectId);
  if (!runtime) throw notFound('Project', projectId);
  return runtime;
}

function list(core: HandlerCore, projectId: string) {
  const runtime = runtimeOf(core, projectId);
  return listScenarios(core.store.responses.listByProject(projectId), runtime);
}
