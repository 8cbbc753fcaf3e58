import type { HeaderMap, Project } from '../../../shared/models';
import { answerError } from '../engine/errors';
import type { ResponseStage } from '../engine/pipeline/stage';
import type { Exchange, StageStep } from '../engine/types';
import { pluginOutputSchema, type PluginInput } from './abi';
import type { LoadedPlugin } from './plugin-runner';

export interface PluginStageDeps {
  /** The plugins a project and one of its mocks run, in order (project's first). */
  namesFor(project: Project, mockId: string): readonly string[];
  /** The installed plugin, or an Error saying why it cannot run (not installed, changed on disk). */
  load(name: string): LoadedPlugin | Error;
  run(plugin: LoadedPlugin, input: string): Promise<string>;
}

/**
 * The plugins stage (after render, before faults): each enabled plugin in turn gets the
 * request and the response chosen so far, and returns what to change. A plugin that fails —
 * a trap, a loop past its budget, memory beyond its cap, output that is not the ABI's JSON —
 * fails that one request with 500 PLUGIN_ERROR naming it. Mocks without plugins get no step.
 */
export function pluginStage(deps: PluginStageDeps): ResponseStage {
  return {
    name: 'plugins',
    forMock(cm, project) {
      const names = deps.namesFor(project, cm.mock.id);
      if (names.length === 0) return undefined;
      // Resolved when the project compiles; bindings or installs recompile it.
      const plugins = names.map((n) => ({ name: n, loaded: deps.load(n) }));
      const step: StageStep = (x) => (x.status === 0 || x.errorCode ? undefined : runAll(x, plugins, deps));
      return step;
    },
  };
}

async function runAll(
  x: Exchange,
  plugins: readonly { name: string; loaded: LoadedPlugin | Error }[],
  deps: PluginStageDeps,
): Promise<void> {
  for (const { name, loaded } of plugins) {
    if (loaded instanceof Error) return fail(x, name, loaded.message);
    let output: string;
    try {
      output = await deps.run(loaded, JSON.stringify(inputOf(x)));
    } catch (e) {
      return fail(x, name, (e as Error).message);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      return fail(x, name, 'its output is not JSON');
    }
    const r = pluginOutputSchema.safeParse(parsed);
    if (!r.success) return fail(x, name, `its output does not follow the ABI: ${r.error.issues[0]?.message ?? ''}`);
    if (r.data.status !== undefined) x.status = r.data.status;
    if (r.data.headers) x.headers = { ...x.headers, ...lowerKeys(r.data.headers) };
    if (r.data.body !== undefined) x.body = r.data.body;
  }
}

function inputOf(x: Exchange): PluginInput {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(x.req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return {
    request: { method: x.method, path: x.req.path, query: x.req.query, headers, body: x.req.rawBody.toString('utf8') },
    response: {
      status: x.status,
      headers: { ...x.headers },
      body: typeof x.body === 'string' ? x.body : x.body.toString('utf8'),
    },
  };
}

function lowerKeys(h: HeaderMap): HeaderMap {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function fail(x: Exchange, plugin: string, why: string): void {
  answerError(
    x,
    'PLUGIN_ERROR',
    JSON.stringify({ error: 'PLUGIN_ERROR', message: `plugin "${plugin}" failed: ${why}`, plugin }),
  );
}
