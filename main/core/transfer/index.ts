export { exportProject, findProject, serializeProjectFile } from './export-project';
export { importProject, parseProjectFileText, type ImportResult } from './import-project';
export {
  PROJECT_FILE_CHAIN,
  PROJECT_FILE_KIND,
  PROJECT_FILE_UPGRADES,
  PROJECT_FILE_VERSION,
  projectFileSchema,
  upgradeProjectFile,
  type ProjectFile,
  type ProjectFileUpgrade,
  type UpgradeChain,
} from './project-file';
