import path from 'node:path';
import type { InstalledPlugin, Project } from '../../../shared/models';
import { insertStage } from '../engine/pipeline';
import type { Pipeline } from '../engine/pipeline';
import type { Store } from '../store/store';
import { AppError, notFound } from '../util/errors';
import { DEFAULT_PLUGIN_BUDGET_MS } from './abi';
import { PluginBindings } from './bindings';
import { PluginRunner, type LoadedPlugin } from './plugin-runner';
import { pluginStage } from './plugin-stage';
import { PluginStore } from './plugin-store';

export interface PluginServiceOptions {
  /** How long one plugin call may run (default 250 ms). */
  budgetMs?: number;
  /** Asked to recompile a project whose plugins changed (the server's project cache). */
  recompile?: (projectId: string) => void;
}

/**
 * WebAssembly plugins (docs/plugins.md): installed ones (PluginStore), which projects and
 * mocks run them (PluginBindings), and the pipeline stage that runs them on worker threads
 * (PluginRunner) within a time budget and a memory cap.
 */
export class PluginService {
  readonly store: PluginStore;
  readonly bindings: PluginBindings;
  private readonly runner: PluginRunner;
  private recompile: (projectId: string) => void;

  constructor(
    private readonly db: Store,
    opts: PluginServiceOptions = {},
  ) {
    this.store = new PluginStore(db.dataDir === null ? null : path.join(db.dataDir, 'plugins'));
    this.bindings = new PluginBindings(db);
    this.runner = new PluginRunner({ budgetMs: opts.budgetMs ?? DEFAULT_PLUGIN_BUDGET_MS });
    this.recompile = opts.recompile ?? (() => {});
  }

  /** Set once the server exists (it is built after this service). */
  onRecompile(fn: (projectId: string) => void): void {
    this.recompile = fn;
  }

  withPlugins(pipeline: Pipeline): Pipeline {
    const names = pipeline.stages.map((s) => s.name);
    if (names.includes('plugins') || !names.includes('render')) return pipeline;
    const stage = pluginStage({
      namesFor: (project: Project, mockId: string) =>
        dedupe([...this.bindings.of(project.id), ...this.bindings.of(mockId)]),
      load: (name) => this.load(name),
      run: (plugin, input) => this.runner.run(plugin, input),
    });
    return insertStage(pipeline, stage, { after: 'render' });
  }

  install(manifest: unknown, bytes: Uint8Array<ArrayBuffer>, source: InstalledPlugin['source']): InstalledPlugin {
    const info = this.store.install(manifest, bytes, source);
    this.recompileRunning(info.name);
    return info;
  }

  remove(name: string): void {
    this.store.remove(name);
    this.recompileRunning(name);
  }

  /** Sets the plugins a project (mockId null) or a mock runs; every name must be installed. */
  setBindings(projectId: string, mockId: string | null, plugins: readonly string[]): string[] {
    const installed = new Set(this.store.list().map((p) => p.name));
    const missing = plugins.find((p) => !installed.has(p));
    if (missing) {
      throw new AppError('VALIDATION_ERROR', `plugin "${missing}" is not installed`, {
        field: 'plugins',
        hint: 'install it first (mockdeck plugins add FILE.wasm, or from the marketplace)',
      });
    }
    const list = dedupe(plugins);
    this.bindings.set(mockId ?? projectId, list);
    this.recompile(projectId);
    return list;
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  private load(name: string): LoadedPlugin | Error {
    try {
      const p = this.store.get(name);
      if (!p) return notFound('Plugin', name);
      return { key: `${name}@${p.info.version}#${p.info.sha256}`, name, bytes: p.bytes };
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }

  private recompileRunning(plugin: string): void {
    const projects = new Set<string>();
    for (const scope of this.bindings.scopesRunning(plugin)) {
      const project = this.db.projects.get(scope)?.id ?? this.projectOfMock(scope);
      if (project) projects.add(project);
    }
    for (const id of projects) this.recompile(id);
  }

  private projectOfMock(mockId: string): string | undefined {
    return this.db.mocks.get(mockId)?.projectId;
  }
}

const dedupe = (names: readonly string[]): string[] => [...new Set(names)];
