import { z } from 'zod';
import { pluginBindingSchema, pluginNameSchema, type InstalledPlugin } from '../models';
import { call, reads, writes } from './call-meta';

/** Base64 of a .wasm of at most 10 MB (the documented plugin limit). */
const wasmBase64 = z
  .string()
  .min(1, 'wasm (the plugin file, base64) is required')
  .max(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4, 'a plugin is at most 10 MB');

/** An installed plugin as listed: with how many projects and mocks run it (what uninstalling breaks). */
export interface InstalledPluginView extends InstalledPlugin {
  runBy: number;
}

export const pluginCalls = {
  'plugins.list': call(
    z.object({}).strict().optional(),
    reads(
      'Lists the installed WebAssembly plugins with their version, checksum, size and how many projects and mocks run each.',
      'cli',
      'mcp',
    ),
  ).returns<InstalledPluginView[]>(),
  'plugins.install': call(
    z.object({
      wasm: wasmBase64,
      manifest: z.object({ name: pluginNameSchema, version: z.string().default('0.0.0') }).passthrough(),
    }),
    writes('Installs a WebAssembly plugin from its .wasm file, replacing one of the same name.', 'cli'),
  ).returns<InstalledPlugin>(),
  'plugins.remove': call(
    z.object({ name: pluginNameSchema }),
    writes('Removes an installed plugin; projects and mocks that ran it answer PLUGIN_ERROR until unbound.', 'cli'),
  ).returns<{ removed: true }>(),
  'plugins.bindings': call(
    z.object({ projectId: z.string().min(1), mockId: z.string().min(1).nullable().default(null) }),
    reads('Shows the plugins a project (mockId null) or a mock runs, in order.', 'cli', 'mcp'),
  ).returns<{ plugins: string[] }>(),
  'plugins.setBindings': call(
    pluginBindingSchema,
    writes(
      "Sets the plugins a project (mockId null: all its mocks) or one mock runs, in order; the project's run first.",
      'cli',
      'mcp',
    ),
  ).returns<{ plugins: string[] }>(),
};
