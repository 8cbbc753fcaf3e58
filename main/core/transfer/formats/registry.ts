import { parse as parseYaml } from 'yaml';
import {
  IMPORT_FORMATS,
  projectDraftSchema,
  type ExportFormat,
  type ImportFormat,
  type ImportPreview,
  type ImportReport,
  type ProjectDraft,
} from '../../../../shared/models';
import { AppError, parseInput } from '../../util/errors';
import { mockoonReader } from './mockoon/reader';
import { mockoonWriter } from './mockoon/writer';
import { harReader } from './har';
import { markdownReader } from './markdown';
import { nativeReader, nativeWriter } from './native';
import { postmanReader } from './postman';
import { openapiReader } from './openapi/reader';
import { openapiWriter } from './openapi/writer';
import type { ExportFormatWriter, ImportFormatReader, ReadOptions, SourceDocument } from './types';

/**
 * Every format MockDeck reads, in detection order: the first whose `detect` says yes reads
 * an `auto` import. Formats with an unmistakable marker come first; Markdown (any text with
 * endpoint lines) last. A new format is one module and one line here.
 */
export const FORMAT_READERS: readonly ImportFormatReader[] = [
  nativeReader,
  mockoonReader,
  openapiReader,
  postmanReader,
  harReader,
  // Last: it accepts any text with an endpoint line.
  markdownReader,
];

export const FORMAT_WRITERS: readonly ExportFormatWriter[] = [nativeWriter, openapiWriter, mockoonWriter];

/** JSON first (the common case, and exact), then YAML; undefined when the text is neither. */
export function parseDocument(text: string, fileName?: string): SourceDocument {
  const trimmed = text.trimStart();
  let data: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      data = undefined;
    }
  }
  if (data === undefined && trimmed.length > 0) {
    try {
      // The core schema: no custom tags, no dates turned into objects — a document is data.
      // maxAliasCount bounds alias expansion ("billion laughs").
      const y: unknown = parseYaml(text, { schema: 'core', maxAliasCount: 1000, uniqueKeys: false });
      if (typeof y === 'object' && y !== null) data = y;
    } catch {
      data = undefined;
    }
  }
  return { text, data, fileName };
}

export function readerFor(format: ImportFormat): ImportFormatReader {
  const reader = FORMAT_READERS.find((r) => r.id === format);
  if (!reader) {
    throw new AppError('VALIDATION_ERROR', `MockDeck cannot import the ${format} format yet`, {
      field: 'format',
      hint: `formats it reads: ${FORMAT_READERS.map((r) => r.id).join(', ')}`,
    });
  }
  return reader;
}

export function writerFor(format: ExportFormat): ExportFormatWriter {
  const writer = FORMAT_WRITERS.find((w) => w.id === format);
  if (!writer) {
    throw new AppError('VALIDATION_ERROR', `MockDeck cannot export the ${format} format yet`, {
      field: 'format',
      hint: `formats it writes: ${FORMAT_WRITERS.map((w) => w.id).join(', ')}`,
    });
  }
  return writer;
}

export function detectFormat(doc: SourceDocument): ImportFormatReader {
  const reader = FORMAT_READERS.find((r) => r.detect(doc));
  if (reader) return reader;
  const what = doc.fileName ?? 'the document';
  const trimmed = doc.text.trimStart();
  if (doc.data === undefined && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
    throw new AppError('VALIDATION_ERROR', `${what} is not valid JSON: ${jsonErrorOf(doc.text)}`, {
      field: 'content',
      hint: 'fix the JSON, or export the document again from the tool that wrote it',
    });
  }
  throw new AppError(
    'VALIDATION_ERROR',
    `${what} is not a document MockDeck can import: not a ${FORMAT_READERS.map((r) => r.label).join(', nor a ')}`,
    {
      field: 'content',
      hint: `name the format when detection is wrong (format: ${IMPORT_FORMATS.join('|')})`,
    },
  );
}

function jsonErrorOf(text: string): string {
  try {
    JSON.parse(text);
    return 'unexpected content';
  } catch (e) {
    return (e as Error).message;
  }
}

export interface ReadDocumentInput {
  content: string;
  format: ImportFormat | 'auto';
  /** Replaces the document's own project name (and the slug made from it). */
  name?: string;
  /** See ReadOptions.basePath. */
  basePath?: 'keep' | 'drop';
  fileName?: string;
}

export interface ReadDocument {
  format: ImportFormat;
  draft: ProjectDraft;
  report: ImportReport;
}

/** Reads a document into a validated draft and its report, writing nothing. */
export async function readDocument(input: ReadDocumentInput, opts: ReadOptions = {}): Promise<ReadDocument> {
  const doc = parseDocument(input.content, input.fileName);
  const reader = input.format === 'auto' ? detectFormat(doc) : readerFor(input.format);
  const basePath = input.basePath ?? opts.basePath ?? 'keep';
  const result = await reader.read(doc, { ...opts, basePath });
  const named = input.name
    ? { ...result.draft, project: { ...result.draft.project, name: input.name, slug: undefined } }
    : result.draft;
  const draft = parseInput(projectDraftSchema, named);
  return {
    format: reader.id,
    draft,
    report: {
      format: reader.id,
      basePath: result.basePath ? { path: result.basePath, kept: basePath === 'keep' } : null,
      created: {
        mocks: draft.mocks.length,
        responses: draft.mocks.reduce((n, m) => n + m.responses.length, 0),
        buckets: draft.buckets.length,
      },
      skipped: result.skipped,
      warnings: result.warnings,
    },
  };
}

/** The import dialog's preview: what would be created and what would be skipped. */
export function previewOf(read: ReadDocument): ImportPreview {
  return {
    format: read.format,
    project: { name: read.draft.project.name, slug: read.draft.project.slug ?? null },
    mocks: read.draft.mocks.map((m) => ({
      method: m.method,
      path: m.path,
      name: m.name,
      statuses: m.responses.map((r) => r.statusCode),
    })),
    buckets: read.draft.buckets.map((b) => b.name),
    report: read.report,
  };
}
