import type { Catalog } from '../catalog/catalog';
import type { CatalogChange } from '../catalog/events';
import { compileProject, createPipeline, type CompiledProject, type Pipeline, type ProjectRuntime } from '../engine';
import { templateRenderer } from '../engine/templating';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { PersistedRuntime, type BucketRuntimeOptions } from './bucket-runtime';
import { renderBucketTemplate } from './bucket-templates';

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
  /**
   * Each served project's runtime (its data buckets persisted, globals, scenario states):
   * kept across recompiles and catalog edits; dropped, after storing what is pending, when
   * the project is deleted.
   */
  private readonly runtimes = new Map<string, PersistedRuntime>();
  private readonly unsubscribe: (() => void)[];
  private readonly runtimeOptions: BucketRuntimeOptions;

  constructor(
    private readonly store: Store,
    catalog: Catalog,
    private readonly pipeline: Pipeline = SERVER_PIPELINE,
    runtime: Partial<BucketRuntimeOptions> & { clock?: Clock } = {},
  ) {
    this.runtimeOptions = {
      renderContent: renderBucketTemplate(store),
      ...runtime,
      clock: runtime.clock ?? { now: () => new Date() },
    };
    this.unsubscribe = [
      catalog.events.on((c) => this.invalidate(c)),
      catalog.events.onEvent((e) => {
        if (e.type.startsWith('bucket.') && 'bucketId' in e.payload) {
          this.runtimes.get(e.payload.projectId)?.forget(e.payload.bucketId);
        }
      }),
      catalog.buckets.addValueHolder({
        flush: (bucketId) => {
          for (const r of this.runtimes.values()) r.flush(bucketId);
        },
      }),
    ];
  }

  /** The project's runtime (shared by everything that serves the project: /m/, its port, federations). */
  runtimeFor(projectId: string): PersistedRuntime {
    return this.runtimeOf(projectId);
  }

  /** The project's runtime, made on first use. */
  private runtimeOf(projectId: string): PersistedRuntime {
    let r = this.runtimes.get(projectId);
    if (!r) this.runtimes.set(projectId, (r = new PersistedRuntime(this.store, projectId, this.runtimeOptions)));
    return r;
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

  /**
   * What the project remembers between requests (scenario states, globals, buckets), for the
   * management calls that show or reset it; compiles the project when no request has yet.
   */
  runtime(projectId: string): ProjectRuntime | undefined {
    return this.get(projectId)?.runtime;
  }

  private compile(projectId: string): CompiledProject | Error | undefined {
    try {
      const project = this.store.projects.get(projectId);
      if (!project) return undefined;
      const mocks = this.store.mocks.listByProject(projectId);
      const responses = this.store.responses.listByProject(projectId);
      const compiled = compileProject(
        { project, mocks, responses, runtime: this.runtimeOf(projectId) },
        this.previous.get(projectId),
        this.pipeline,
      );
      this.previous.delete(projectId);
      return compiled;
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }

  /** Recompiles a project on its next request: what its pipeline stages read outside the catalog changed (plugin bindings). */
  recompile(projectId: string): void {
    this.invalidate({ projectId, kind: 'mock' });
  }

  private invalidate(change: CatalogChange): void {
    // A bucket edit changes no route: the runtime forgets the bucket (above), the compilation stays.
    if (change.kind === 'bucket') return;
    if (change.kind === 'deleted') {
      this.runtimes.get(change.projectId)?.close();
      this.runtimes.delete(change.projectId);
    }
    if (change.kind === 'project' || change.kind === 'deleted') this.slugs = null;
    const before = this.compiled.get(change.projectId);
    this.compiled.delete(change.projectId);
    if (change.kind === 'deleted') this.previous.delete(change.projectId);
    else if (before && !(before instanceof Error)) this.previous.set(change.projectId, before);
  }

  /** Stores pending bucket writes and detaches from the catalog. */
  dispose(): void {
    for (const r of this.runtimes.values()) r.close();
    this.runtimes.clear();
    for (const u of this.unsubscribe) u();
  }
}
