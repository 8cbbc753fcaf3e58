/**
 * Import and export formats: what `mockdeck import/export`, `POST /projects/import`, the
 * import dialog and the marketplace's installer share. Each format is one reader (and maybe
 * one writer) in main/core/transfer/formats; these are the names and the report they give.
 */
export const IMPORT_FORMATS = ['native', 'openapi', 'mockoon', 'postman', 'har', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['native', 'openapi', 'mockoon'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Something in the document that MockDeck could not map: never dropped without a line here. */
export interface ImportSkip {
  /** Where in the document: a JSON path, "GET /users", "route 3 (GET /users) response 2"… */
  where: string;
  /** What was not imported: "file body", "rule target 'global_var'"… */
  what: string;
  /** Why, and what the user can do about it. */
  reason: string;
}

export interface ImportReport {
  format: ImportFormat;
  /** The document's base path and whether the mock paths carry it (the import's basePath option). */
  basePath: { path: string; kept: boolean } | null;
  created: { mocks: number; responses: number; buckets: number };
  skipped: ImportSkip[];
  /** Imported, but not exactly: "templated body kept as written", "base path /v1 kept as prefix"… */
  warnings: string[];
}

/** What an import would create, without writing anything (the import dialog's preview). */
export interface ImportPreview {
  format: ImportFormat;
  project: { name: string; slug: string | null };
  mocks: { method: string; path: string; name: string; statuses: number[] }[];
  buckets: string[];
  report: ImportReport;
}

/** A document downloaded for the import dialog (projects.fetchImport): its text and a name for it. */
export interface FetchedDocument {
  text: string;
  /** The file name the URL ends with ("petstore.yaml"), else its host: projects.import's `source`. */
  source: string;
  bytes: number;
}
