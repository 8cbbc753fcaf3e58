import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { ImportFormat } from '../../../../shared/models';

/** The most a document to import may be (projects.import refuses more). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  native: 'MockDeck project file',
  openapi: 'OpenAPI',
  mockoon: 'Mockoon environment',
  postman: 'Postman collection',
  har: 'HAR recording',
  markdown: 'Markdown API reference',
};

/** What the file picker offers first; any file can still be chosen. */
export const ACCEPTED_FILES = '.json,.yaml,.yml,.har,.md,.markdown,.txt';

/** A document ready to preview: its text and the name projects.import reports it under. */
export interface ImportText {
  text: string;
  source: string;
  bytes: number;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function readError(message: string, hint: string): AppErrorShape {
  return { code: 'VALIDATION_ERROR', message, hint };
}

/**
 * Reads a picked or dropped file as text, reporting progress (a 60 MB HAR takes a moment):
 * FileReader gives progress events, File.text() does not.
 */
export function readFileText(file: File, onProgress: (loaded: number) => void): Promise<ImportText> {
  if (file.size > MAX_IMPORT_BYTES) {
    return Promise.reject(
      readError(
        `${file.name} is ${formatBytes(file.size)}: a document to import is at most 64 MB`,
        'split the document, or import the part you need',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onerror = () =>
      reject(readError(`${file.name} could not be read`, 'check that the file still exists and you may read it'));
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      resolve({ text: text.replace(/^\uFEFF/, ''), source: file.name, bytes: file.size });
    };
    reader.readAsText(file);
  });
}
