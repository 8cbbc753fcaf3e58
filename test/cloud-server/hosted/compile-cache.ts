import type { CompiledProject } from '../../../main/core/engine';
import { compileProject } from '../../../main/core/engine';
import type { ServerContext } from '../context';
import { projectData } from '../projects/mock-repo';
import type { ProjectRow } from '../projects/rows';

/**
 * One compilation per project, rebuilt when the project's revision moves (any write to it,
 * its mocks or responses), so deployments always serve the current cloud data.
 */
export class CompileCache {
  private readonly entries = new Map<string, { rev: number; compiled: CompiledProject }>();

  constructor(private readonly ctx: ServerContext) {}

  get(project: ProjectRow): CompiledProject {
    const rev = this.ctx.revisions.get(project.id) ?? 0;
    const hit = this.entries.get(project.id);
    if (hit && hit.rev === rev) return hit.compiled;
    // Passing the previous compilation keeps sequential-mode positions of unchanged mocks.
    const compiled = compileProject(projectData(this.ctx, project), hit?.compiled);
    this.entries.set(project.id, { rev, compiled });
    return compiled;
  }
}
