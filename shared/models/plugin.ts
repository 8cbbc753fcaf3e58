import { z } from 'zod';

/** A plugin's name: how projects and mocks refer to it, and its folder in the data dir. */
export const pluginNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'a plugin name is 1–64 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

export const PLUGIN_CATEGORIES = ['response', 'template', 'middleware'] as const;

/** What is kept beside an installed plugin's .wasm (its manifest, as installed). */
export const pluginManifestSchema = z.object({
  name: pluginNameSchema,
  version: z.string().trim().min(1, 'version is required').max(50),
  description: z.string().max(2000).default(''),
  author: z.string().max(200).default(''),
  license: z.string().max(100).default(''),
  /** What it does (docs/plugins.md names response, template, middleware; the marketplace has more). */
  category: z.string().trim().max(50).default('response'),
});
export type PluginManifest = z.output<typeof pluginManifestSchema>;

export interface InstalledPlugin extends PluginManifest {
  /** SHA-256 of the .wasm, hex. */
  sha256: string;
  size: number;
  installedAt: string;
  /** Where it came from: a local file or the marketplace. */
  source: 'file' | 'marketplace';
}

/** The plugins a project (mockId null) or one of its mocks runs, in order. */
export const pluginBindingSchema = z.object({
  projectId: z.string().min(1),
  mockId: z.string().min(1).nullable().default(null),
  plugins: z.array(pluginNameSchema).max(20, 'at most 20 plugins run on one response'),
});
