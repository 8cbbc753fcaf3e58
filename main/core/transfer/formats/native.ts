import type { ProjectDraftInput } from '../../../../shared/models';
import { AppError, parseInput } from '../../util/errors';
import { PROJECT_FILE_KIND, projectFileHeaderSchema, serializeProjectFile, upgradeProjectFile } from '../project-file';
import type { ExportFormatWriter, ImportFormatReader } from './types';

/** MockDeck's own project file (`mockdeck export`): lossless both ways. */
export const nativeReader: ImportFormatReader = {
  id: 'native',
  label: 'MockDeck project file',
  detect: (doc) => isObject(doc.data) && doc.data.mockdeck === PROJECT_FILE_KIND,
  read(doc) {
    if (!isObject(doc.data)) {
      const jsonError = syntaxErrorOf(doc.text);
      if (jsonError) {
        throw new AppError(
          'VALIDATION_ERROR',
          `${doc.fileName ?? 'the project file'} is not valid JSON: ${jsonError}`,
          {
            hint: 'a MockDeck project file is the JSON written by `mockdeck export`',
          },
        );
      }
      throw new AppError('VALIDATION_ERROR', 'a MockDeck project file must be a JSON object', {
        hint: 'a MockDeck project file is the JSON written by `mockdeck export`',
      });
    }
    const file = upgradeProjectFile(doc.data) as Record<string, unknown>;
    parseInput(projectFileHeaderSchema, file);
    // The header is checked here; the draft itself is validated (with JSON paths) by the tree service.
    return {
      draft: { project: file.project, mocks: file.mocks, buckets: file.buckets } as ProjectDraftInput,
      skipped: [],
      warnings: [],
    };
  },
};

export const nativeWriter: ExportFormatWriter = {
  id: 'native',
  label: 'MockDeck project file',
  write: (file) => ({ text: serializeProjectFile(file), fileName: `${file.project.slug}.mockdeck.json`, warnings: [] }),
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function syntaxErrorOf(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
