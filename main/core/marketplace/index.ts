export {
  Marketplace,
  MIN_REVIEW_COMMENT,
  type MarketItem,
  type MarketPage,
  type MarketSearch,
  type InstalledWithUpdate,
  type MarketShown,
} from './marketplace';
export { MarketplaceApi } from './market-api';
export { InstallProgressFeed } from './progress-feed';
export {
  PluginsDir,
  WASM_MAGIC,
  PLUGIN_MODULE_FILE,
  PLUGIN_MANIFEST_FILE,
  assertWasm,
  type InstalledPlugin,
} from './plugins-dir';
export { PackageRefused } from './errors';
export { extractPackage, pathProblem } from './extract';
export { buildPackage, readPackage, MANIFEST_FILE, PROJECT_FILE } from './package-files';
export type { InstallResult } from './install';
export type { PublishInput, PublishPreview, PublishKind } from './publish';
