import { z } from 'zod';
import {
  projectDraftSchema,
  type BucketContent,
  type Chaos,
  type MockDraft,
  type ProjectContent,
} from '../../../shared/models';
import { AppError } from '../util/errors';

/**
 * MockDeck's native project file: a header and one ProjectDraft (shared/models/content.ts)
 * — the project with its mocks and responses, camelCase domain fields, no ids (import always
 * creates new ones), nothing machine- or user-secret.
 *
 * Versions: a new optional field (with a default in the model) keeps the version, since
 * older files simply lack it. A change an older file cannot satisfy as it is — a renamed or
 * restructured field — bumps PROJECT_FILE_VERSION and registers the step that rewrites the
 * previous version in PROJECT_FILE_UPGRADES, so every older file still imports.
 */
export const PROJECT_FILE_KIND = 'project';
export const PROJECT_FILE_VERSION = 1;

type FileObject = Record<string, unknown>;

/** Rewrites a file of version `from` into version `from + 1`. */
export interface ProjectFileUpgrade {
  from: number;
  upgrade(file: FileObject): FileObject;
}

export interface UpgradeChain {
  current: number;
  /** One step per version below `current`, in any order. */
  upgrades: readonly ProjectFileUpgrade[];
}

/** Version 1 is the first: nothing to upgrade from yet. */
export const PROJECT_FILE_UPGRADES: readonly ProjectFileUpgrade[] = [];
export const PROJECT_FILE_CHAIN: UpgradeChain = { current: PROJECT_FILE_VERSION, upgrades: PROJECT_FILE_UPGRADES };

export interface ProjectFile {
  mockdeck: typeof PROJECT_FILE_KIND;
  version: typeof PROJECT_FILE_VERSION;
  exportedAt: string;
  /** `chaos`: the project's chaos setting (absent in files from before it existed: off). */
  project: ProjectContent & { slug: string; port: number | null; chaos: Chaos | null };
  mocks: MockDraft[];
  /** Absent in files written before data buckets: none. */
  buckets: BucketContent[];
}

export const projectFileHeaderSchema = z.object({
  mockdeck: z.literal(PROJECT_FILE_KIND, {
    message: 'mockdeck must be "project": this is not a MockDeck project file',
  }),
  version: z.literal(PROJECT_FILE_VERSION, { message: `version must be ${PROJECT_FILE_VERSION}` }),
  exportedAt: z.string().optional(),
});

/** The whole current file: the header and the draft's fields beside it. */
export const projectFileSchema = projectFileHeaderSchema.extend(projectDraftSchema.shape);
export type ParsedProjectFile = z.output<typeof projectFileSchema>;

const hint = `expected {"mockdeck": "${PROJECT_FILE_KIND}", "version": ${PROJECT_FILE_VERSION}, ...} as written by \`mockdeck export\``;

/**
 * Brings a project file of any version this MockDeck knows up to the current one, before
 * validation. Refuses what is not a JSON object and a file from a newer MockDeck; leaves a
 * file of another kind alone (validation then says it is not a project file).
 */
export function upgradeProjectFile(input: unknown, chain: UpgradeChain = PROJECT_FILE_CHAIN): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('VALIDATION_ERROR', 'a project file must be a JSON object', { hint });
  }
  let file = input as FileObject;
  if (file.mockdeck !== PROJECT_FILE_KIND || typeof file.version !== 'number') return file;
  const start = file.version;
  if (start > chain.current) {
    throw new AppError(
      'VALIDATION_ERROR',
      `this project file has version ${start}, written by a newer MockDeck; this MockDeck reads version ${chain.current}`,
      { field: 'version', hint: 'update MockDeck to import it' },
    );
  }
  if (!Number.isInteger(start) || start < 1) return file; // validation names the bad version
  for (let v = start; v < chain.current; v++) {
    const step = chain.upgrades.find((u) => u.from === v);
    if (!step) throw new Error(`project file upgrade from version ${v} is not registered`);
    file = { ...step.upgrade(file), version: v + 1 };
  }
  return file;
}

/** Stable, readable JSON: diffs of a committed project file stay small. */
export function serializeProjectFile(file: ProjectFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
