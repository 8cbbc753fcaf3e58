import type { Catalog } from '../catalog/catalog';
import type { CatalogChange } from '../catalog/events';
import { compileProject, createPipeline, type CompiledProject, type Pipeline } from '../engine';
import { templateRenderer } from '../engine/templating';
import type { Store } from '../store/store';

/**
 * The server's response pipeline: the engine's stages, with templating as the renderer
 * compiler (engine/templating), so a response whose body or a header holds `{{` is rendered
 * per request. A pipeline passed in instead (CoreOptions.pipeline) should be built from this
 * one (insertStage(SERVER_PIPELINE, …)) to keep templating.
 */
export const SERVER_PIPELINE: Pipeline = createPipeline({ compileRenderer: templateRenderer });

/**
 * Compiled projects, looked up by slug (/m/:slug) or id (dedicated ports). A catalog
 * change drops the project's compilation; the next request recompiles it, so a burst of
 * edits costs one compilation, and requests never read the store. A project that fails to
 * compile (a damaged row) stays failed until it changes, so a flood of requests does not
 * re-read the store either.
 */
export class ProjectCache {
  private slugs: Map<string, string> | null = null;
  private readonly compiled = new Map<string, CompiledProject | Error>();
  /** Last good compilation of an invalidated project: keeps sequential positions of unchanged mocks. */
  private readonly previous = new Map<string, CompiledProject>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    catalog: Catalog,
    private readonly pipeline: Pipeline = SERVER_PIPELINE,
  ) {
    this.unsubscribe = catalog.events.on((c) => this.invalidate(c));
  }

  /** The project id for a slug, or undefined when no project has it. */
  idForSlug(slug: string): string | undefined {
    if (!this.slugs) {
      this.slugs = new Map(this.store.projects.list().map((p) => [p.slug, p.id]));
    }
    return this.slugs.get(slug);
  }

  /** The compiled project; throws when its stored data cannot be compiled. Undefined when deleted. */
  get(projectId: string): CompiledProject | undefined {
    let c = this.compiled.get(projectId);
    if (c === undefined) {
      c = this.compile(projectId);
      if (c === undefined) return undefined;
      this.compiled.set(projectId, c);
    }
    if (c instanceof Error) throw c;
    return c;
  }

  private compile(projectId: string): CompiledProject | Error | undefined {
    try {
      const project = this.store.projects.get(projectId);
      if (!project) return undefined;
      const mocks = this.store.mocks.listByProject(projectId);
      const responses = this.store.responses.listByProject(projectId);
      const compiled = compileProject({ project, mocks, responses }, this.previous.get(projectId), this.pipeline);
      this.previous.delete(projectId);
      return compiled;
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }

  private invalidate(change: CatalogChange): void {
    if (change.kind === 'project' || change.kind === 'deleted') this.slugs = null;
    const before = this.compiled.get(change.projectId);
    this.compiled.delete(change.projectId);
    if (change.kind === 'deleted') this.previous.delete(change.projectId);
    else if (before && !(before instanceof Error)) this.previous.set(change.projectId, before);
  }

  dispose(): void {
    this.unsubscribe();
  }
}
