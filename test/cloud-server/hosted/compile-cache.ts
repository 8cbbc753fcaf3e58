import type { CompiledProject, Pipeline } from '../../../main/core/engine';
import { compileProject, createPipeline, DEFAULT_PIPELINE } from '../../../main/core/engine';
import { templateRenderer } from '../../../main/core/engine/templating';
import type { ServerContext } from '../context';
import { projectData } from '../projects/mock-repo';
import type { ProjectRow } from '../projects/rows';

/**
 * A deployment whose config asks for `response_template_expand` (mockforge-cloud-api.md
 * §Hosted Mocks) renders templates with MockDeck's own engine; any other serves bodies as
 * stored, `{{` and all.
 */
const TEMPLATING_PIPELINE: Pipeline = createPipeline({ compileRenderer: templateRenderer });

/**
 * One compilation per project and templating choice, rebuilt when the project's revision
 * moves (any write to it, its mocks or responses), so deployments always serve the current
 * cloud data.
 */
export class CompileCache {
  private readonly entries = new Map<string, { rev: number; compiled: CompiledProject }>();

  constructor(private readonly ctx: ServerContext) {}

  get(project: ProjectRow, expandTemplates: boolean): CompiledProject {
    const rev = this.ctx.revisions.get(project.id) ?? 0;
    const key = `${expandTemplates ? 'expand' : 'stored'}:${project.id}`;
    const hit = this.entries.get(key);
    if (hit && hit.rev === rev) return hit.compiled;
    // Passing the previous compilation keeps sequential-mode positions (and the runtime) of unchanged mocks.
    const compiled = compileProject(
      projectData(this.ctx, project),
      hit?.compiled,
      expandTemplates ? TEMPLATING_PIPELINE : DEFAULT_PIPELINE,
    );
    this.entries.set(key, { rev, compiled });
    return compiled;
  }
}
