export { exportProject, findProject, serializeProjectFile } from './export-project';
export { importProject, parseProjectFileText, type ImportResult } from './import-project';
export { PROJECT_FILE_KIND, PROJECT_FILE_VERSION, projectFileSchema, type ProjectFile } from './project-file';
