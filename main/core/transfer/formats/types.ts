import type { ExportFormat, ImportFormat, ImportSkip, ProjectDraftInput } from '../../../../shared/models';
import type { ProjectFile } from '../project-file';

/** A document to import: its text, and the JSON or YAML value it holds when it is either. */
export interface SourceDocument {
  text: string;
  /** The parsed JSON or YAML; undefined when the text is neither (Markdown, say). */
  data: unknown;
  /** The file's name when known ("petstore.yaml"): a hint for detection and messages. */
  fileName?: string;
}

export interface ReadOptions {
  /**
   * The document's base path (OpenAPI servers' path, Mockoon's endpoint prefix, a Markdown
   * reference's base URL path): `keep` (default) puts it in front of every mock path, so the
   * mocks answer where the real API does; `drop` leaves paths as the document writes them.
   */
  basePath?: 'keep' | 'drop';
  /**
   * Files the document refers to by relative path (Mockoon's file bodies), when the caller
   * has them: the CLI passes a reader rooted at the document's folder. Absent: such bodies
   * are listed as not mapped.
   */
  readFile?: (relativePath: string) => string | undefined;
}

/** A reader's answer: the draft to create and what it could not map. */
export interface ReadResult {
  draft: ProjectDraftInput;
  /** The base path the document declares ("/v1"), whether kept or dropped; null when none. */
  basePath?: string | null;
  skipped: ImportSkip[];
  warnings: string[];
}

export interface ImportFormatReader {
  id: ImportFormat;
  /** For menus and messages: "OpenAPI 2.0/3.x", "Mockoon environment"… */
  label: string;
  /** True when the document is surely this format (checked in registry order; cheap). */
  detect(doc: SourceDocument): boolean;
  /** Throws AppError('VALIDATION_ERROR', …) naming what is wrong and how to fix it. */
  read(doc: SourceDocument, opts: ReadOptions): ReadResult | Promise<ReadResult>;
}

export interface ExportResult {
  text: string;
  /** "environment.json", "openapi.yaml"… */
  fileName: string;
  /** What the format cannot carry: "templated bodies noted as x-mockdeck-template"… */
  warnings: string[];
}

export interface ExportFormatWriter {
  id: ExportFormat;
  label: string;
  write(file: ProjectFile): ExportResult;
}
