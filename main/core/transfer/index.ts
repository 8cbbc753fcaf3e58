export { fetchDocument, MAX_DOCUMENT_BYTES } from './fetch-document';
export { exportDocument, exportProject, findProject } from './export-project';
export {
  createFromRead,
  importDocument,
  importProject,
  parseProjectFileText,
  type ImportResult,
} from './import-project';
export {
  detectFormat,
  FORMAT_READERS,
  FORMAT_WRITERS,
  parseDocument,
  previewOf,
  readDocument,
  type ReadDocument,
  type ReadDocumentInput,
} from './formats/registry';
export type {
  ExportFormatWriter,
  ExportResult,
  ImportFormatReader,
  ReadOptions,
  ReadResult,
  SourceDocument,
} from './formats/types';
export {
  PROJECT_FILE_CHAIN,
  PROJECT_FILE_KIND,
  PROJECT_FILE_UPGRADES,
  PROJECT_FILE_VERSION,
  projectFileSchema,
  serializeProjectFile,
  upgradeProjectFile,
  type ProjectFile,
  type ProjectFileUpgrade,
  type UpgradeChain,
} from './project-file';
