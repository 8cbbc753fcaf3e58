import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const SHARED = ['shared/models', 'shared/wire', 'shared/ipc'];
const CORE = [
  'main/core/util',
  'main/core/store',
  'main/core/secrets',
  'main/core/engine',
  'main/core/engine/templating',
  'main/core/catalog',
  'main/core/transfer',
  'main/core/sync',
  'main/core/cloud',
  'main/core/marketplace',
  'main/core/server',
  'main/core/proxy',
  'main/core/pipelines',
  'main/core/federation',
  'main/core/events',
  'main/core/plugins',
  'main/core/mcp',
  'main/core/ai',
  'main/core/handlers',
  'main/core/server/management',
];
const FEATURES = [
  'conditions',
  'cloud',
  'projects',
  'scenarios',
  'responses',
  'buckets',
  'mocks',
  'logs',
  'server',
  'stats',
  'palette',
  'chaos',
  'proxy',
  'ai',
  'pipelines',
  'federation',
  'import',
  'plugins',
  'marketplace',
];
const feature = (name) => `renderer/src/features/${name}`;
const RENDERER_BASE = ['renderer/src/app', 'renderer/src/ui', 'renderer/src/platform', ...SHARED];

const layer = (name, may, paths = [name]) => ({ name, paths, may });

/**
 * The layers, lowest first. Each one names the layers it may import directly (type-only
 * imports included); any other import of our own code is an error. A path is a folder, a
 * file or a glob from the repo root; a nested path is its own layer and wins over the
 * folder around it (server/management is not server). The table itself must stay acyclic
 * (checked below), so a cycle between folders cannot come back through lint-clean code. Same table in docs/architecture.md ("Layers").
 */
export const LAYERS = [
  layer('shared/models', []),
  layer('shared/wire', ['shared/models']),
  layer('shared/ipc', ['shared/models']),
  layer('main/core/util', SHARED),
  layer('main/core/store', ['main/core/util', 'shared/models']),
  layer('main/core/secrets', ['main/core/util']),
  layer('main/core/engine', ['main/core/util', 'shared/models']),
  // Templating plugs into the engine's pipeline (a RendererCompiler); the engine never imports it.
  layer('main/core/engine/templating', ['main/core/engine', 'main/core/util', 'shared/models']),
  layer('main/core/catalog', ['main/core/store', 'main/core/util', 'shared/models', 'shared/wire']),
  layer('main/core/transfer', [
    'main/core/catalog',
    'main/core/store',
    'main/core/util',
    'shared/models',
    'shared/wire',
  ]),
  layer('main/core/sync', ['main/core/catalog', 'main/core/store', 'main/core/util', ...SHARED]),
  layer('main/core/cloud', [
    'main/core/sync',
    'main/core/catalog',
    'main/core/secrets',
    'main/core/store',
    'main/core/util',
    ...SHARED,
  ]),
  // Federations of projects: their definitions (the server serves them at /f/<name>/).
  layer('main/core/federation', ['main/core/store', 'main/core/util', ...SHARED]),
  // The marketplace: cloud calls (cloud), install = import and publish = export (transfer).
  layer('main/core/marketplace', [
    'main/core/cloud',
    'main/core/transfer',
    'main/core/catalog',
    'main/core/store',
    'main/core/util',
    ...SHARED,
  ]),
  layer('main/core/server', [
    'main/core/engine',
    'main/core/engine/templating',
    'main/core/catalog',
    'main/core/store',
    'main/core/util',
    ...SHARED,
  ]),
  // The proxy: a pipeline stage (engine) that records through the catalog.
  layer('main/core/proxy', ['main/core/engine', 'main/core/catalog', 'main/core/store', 'main/core/util', ...SHARED]),
  // AI generation with the user's own key: settings and usage in the store, the key in secrets.
  layer('main/core/ai', ['main/core/secrets', 'main/core/store', 'main/core/util', ...SHARED]),
  // Pipelines: outbox consumer, runner and steps; steps export (transfer) and deploy (cloud).
  layer('main/core/pipelines', [
    'main/core/cloud',
    'main/core/transfer',
    'main/core/catalog',
    'main/core/secrets',
    'main/core/store',
    'main/core/util',
    ...SHARED,
  ]),
  layer('main/core/events', ['main/core/server', 'main/core/catalog', 'main/core/store', 'main/core/util', ...SHARED]),
  layer(
    'main/core/handlers',
    CORE.filter(
      (l) => l !== 'main/core/handlers' && l !== 'main/core/server/management' && l !== 'main/core/mcp',
    ).concat(SHARED),
  ),
  // Plugins: a pipeline stage (engine) running installed WebAssembly on worker threads.
  layer('main/core/plugins', ['main/core/engine', 'main/core/store', 'main/core/util', ...SHARED]),
  // MCP is an entry point like REST: the contract's calls as tools, over stdio or /mcp.
  layer('main/core/mcp', ['main/core/handlers', 'main/core/util', ...SHARED]),
  // The management REST API is an entry point like IPC and the CLI: it may call the handlers.
  layer('main/core/server/management', [
    'main/core/handlers',
    'main/core/mcp',
    'main/core/server',
    'main/core/catalog',
    'main/core/store',
    'main/core/util',
    ...SHARED,
  ]),
  // Files directly in main/core assemble the services (Core, the data dir, the app).
  layer('main/core (assembly)', [...CORE, ...SHARED], ['main/core/*.ts']),
  layer('main/ipc', ['main/core/handlers', 'main/core/events', 'main/core/util', 'shared/ipc', 'shared/models']),
  layer('main/window', SHARED),
  // The app in the system browser (npm start without Electron): the core, the web bridge and
  // the window's CSP and URL rules, served from Node.
  layer('main/browser', ['main/core (assembly)', ...CORE, 'main/ipc', 'main/window', ...SHARED]),
  layer('main/cli', ['main/core (assembly)', ...CORE, 'main/browser', ...SHARED], ['main/cli.ts', 'main/cli']),
  layer(
    'main (shell)',
    ['main/core (assembly)', ...CORE, 'main/ipc', 'main/cli', 'main/window', ...SHARED],
    ['main/index.ts'],
  ),
  layer('preload', ['shared/ipc', 'shared/models']),
  layer('renderer/src/platform', SHARED),
  layer('renderer/src/ui', SHARED),
  layer('renderer/src/app', ['renderer/src/ui', 'renderer/src/platform', ...SHARED]),
  // Features may use the ones listed, never the other way round; shared pieces go to ui/ or app/.
  layer(feature('conditions'), RENDERER_BASE),
  layer(feature('cloud'), RENDERER_BASE),
  layer(feature('projects'), [feature('cloud'), ...RENDERER_BASE]),
  layer(feature('scenarios'), RENDERER_BASE),
  layer(feature('ai'), RENDERER_BASE),
  layer(feature('responses'), [feature('conditions'), feature('scenarios'), feature('ai'), ...RENDERER_BASE]),
  layer(feature('chaos'), RENDERER_BASE),
  layer(feature('buckets'), RENDERER_BASE),
  layer(feature('plugins'), RENDERER_BASE),
  layer(feature('marketplace'), [feature('cloud'), feature('projects'), feature('plugins'), ...RENDERER_BASE]),
  layer(feature('mocks'), [
    feature('plugins'),
    feature('projects'),
    feature('responses'),
    feature('chaos'),
    feature('buckets'),
    ...RENDERER_BASE,
  ]),
  layer(feature('logs'), [feature('projects'), feature('conditions'), ...RENDERER_BASE]),
  layer(feature('server'), [feature('projects'), ...RENDERER_BASE]),
  layer(feature('stats'), [feature('scenarios'), ...RENDERER_BASE]),
  layer(feature('palette'), RENDERER_BASE),
  layer(feature('proxy'), RENDERER_BASE),
  layer(feature('pipelines'), RENDERER_BASE),
  layer(feature('federation'), RENDERER_BASE),
  layer(feature('import'), RENDERER_BASE),
  layer('renderer (shell)', [...FEATURES.map(feature), ...RENDERER_BASE], ['renderer/src/*.tsx']),
];

/**
 * TODO(issue 10): imports that break the table today, in code other parts of issue 10 are
 * rewriting. They are reported as warnings (rule `layering-todo/no-restricted-paths`) until
 * fixed; delete a line here once its imports are gone and they become errors like the rest.
 */
export const KNOWN_VIOLATIONS = [];

const isGlob = (p) => /[*?{[]/.test(p);
const filesOf = (paths) => paths.map((p) => (isGlob(p) || /\.tsx?$/.test(p) ? p : `${p}/**/*.{ts,tsx}`));

/** Throws unless every layer names known layers, uses one kind of path, and no cycle exists. */
export function checkLayers(layers, known = KNOWN_VIOLATIONS) {
  const byName = new Map(layers.map((l) => [l.name, l]));
  for (const l of layers) {
    if (new Set(l.paths.map(isGlob)).size > 1) throw new Error(`layer ${l.name}: mix of globs and plain paths`);
    for (const m of l.may) if (!byName.has(m)) throw new Error(`layer ${l.name} may import unknown layer ${m}`);
  }
  for (const v of known) {
    if (!byName.has(v.from) || !byName.has(v.to))
      throw new Error(`known violation ${v.from} → ${v.to} names an unknown layer`);
  }
  // Depth-first search for a cycle in "may import": the table must be a DAG.
  const state = new Map();
  const visit = (name, trail) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') throw new Error(`layer table has a cycle: ${[...trail, name].join(' → ')}`);
    state.set(name, 'open');
    for (const m of byName.get(name).may) visit(m, [...trail, name]);
    state.set(name, 'done');
  };
  for (const l of layers) visit(l.name, []);
}
checkLayers(LAYERS);

/** One config object per layer (outer folders first, so nested layers override them). */
function layerConfigs(layers) {
  const depth = (l) => Math.max(...l.paths.map((p) => p.split('/').length));
  return [...layers]
    .sort((a, b) => depth(a) - depth(b))
    .map((layer) => {
      const zones = { error: [], todo: [] };
      for (const other of layers) {
        if (other === layer || layer.may.includes(other.name)) continue;
        const todo = KNOWN_VIOLATIONS.some((v) => v.from === layer.name && v.to === other.name);
        zones[todo ? 'todo' : 'error'].push({
          target: layer.paths,
          from: other.paths,
          message: `Layer "${layer.name}" must not import "${other.name}" (layer table: eslint.config.js, docs/architecture.md).`,
        });
      }
      const rule = (severity, list) => (list.length ? [severity, { basePath: ROOT, zones: list }] : 'off');
      return {
        files: filesOf(layer.paths),
        rules: {
          'import-x/no-restricted-paths': rule('error', zones.error),
          'layering-todo/no-restricted-paths': rule('warn', zones.todo),
        },
      };
    });
}

const SOURCES = ['main/**/*.ts', 'shared/**/*.ts', 'preload/**/*.ts', 'renderer/src/**/*.{ts,tsx}'];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', '.native'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Layering: who may import whom (LAYERS), and no import cycle between files.
    files: SOURCES,
    plugins: {
      'import-x': importX,
      // The same rule under a second name, so the TODO imports above can warn while the rest errs.
      'layering-todo': { rules: { 'no-restricted-paths': importX.rules['no-restricted-paths'] } },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.json` })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    // Type-only imports cannot cycle at run time; the layer table still covers them.
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...layerConfigs(LAYERS),
  {
    // The core runs in plain Node (CLI, tests, web bridge): Electron stays at the edge.
    files: ['main/core/**/*.ts', 'main/cli.ts', 'main/cli/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    // Transports serve the same router side by side: none imports another. What two of them
    // share goes to main/core (events, util) or, if Electron-specific, sender-guard.
    files: ['main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: ['./*', '!./sender-guard'],
              message: 'A transport must not import another transport: move what they share below them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/main/**'] }] },
  },
);
