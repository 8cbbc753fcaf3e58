import { z } from 'zod';

/** The three things the marketplace holds (docs/marketplace.md). URL segments are the plural. */
export const MARKET_KINDS = ['scenarios', 'templates', 'plugins'] as const;
export type MarketKind = (typeof MARKET_KINDS)[number];

/** Documented download limits (mockforge-cloud-api.md §Marketplace), also applied to the unpacked total. */
export const MARKET_SIZE_LIMITS: Record<MarketKind, number> = {
  plugins: 10 * 1024 * 1024,
  templates: 50 * 1024 * 1024,
  scenarios: 100 * 1024 * 1024,
};

/** More entries than this in one package is refused before anything is written. */
export const MAX_PACKAGE_ENTRIES = 1000;

const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const packageNameSchema = z
  .string({ message: 'name is required' })
  .regex(PACKAGE_NAME, 'name may hold letters, digits, ".", "_" and "-" only (at most 128), e.g. "payment-flow"');
export const packageVersionSchema = z
  .string({ message: 'version is required' })
  .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'version must be a semantic version such as "1.0.0"');

/**
 * manifest.json at the root of a scenario or template package (docs/marketplace.md). `name`
 * and `version` are required; `name` must be the package's name in the marketplace.
 */
export const packageManifestSchema = z.object({
  name: packageNameSchema,
  version: packageVersionSchema,
  description: z.string().max(5000).optional(),
  author: z.string().max(200).optional(),
  license: z.string().max(100).optional(),
  kind: z.enum(['scenario', 'template']).optional(),
});
export type PackageManifest = z.infer<typeof packageManifestSchema>;

/**
 * What MockDeck keeps next to an installed plugin's module, as
 * `<dataDir>/plugins/<name>/<version>/manifest.json` (module: `plugin.wasm` beside it).
 * The plugin runtime reads installed plugins through main/core/marketplace/plugins-dir.ts.
 */
export const installedPluginManifestSchema = z.object({
  name: packageNameSchema,
  version: packageVersionSchema,
  description: z.string().default(''),
  /** The marketplace category (auth, template, response, datasource, middleware, testing, observability, other). */
  category: z.string().default('other'),
  author: z.string().default(''),
  license: z.string().default(''),
  /** SHA-256 of plugin.wasm, lowercase hex, verified when it was downloaded. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  installedAt: z.string(),
  /** Where it came from: the cloud base URL. */
  source: z.string(),
});
export type InstalledPluginManifest = z.infer<typeof installedPluginManifestSchema>;

/** One item installed from the marketplace, for "update available" badges. */
export interface InstalledItem {
  kind: MarketKind;
  name: string;
  version: string;
  /** The project created (scenarios, templates); null for plugins or once the project is deleted. */
  projectId: string | null;
  installedAt: string;
  source: string;
}

/** Progress of a download, reported while it streams. */
export interface InstallProgress {
  kind: MarketKind;
  name: string;
  phase: 'resolving' | 'downloading' | 'verifying' | 'extracting' | 'importing' | 'done';
  received: number;
  /** Bytes expected, when the server said. */
  total: number | null;
}
