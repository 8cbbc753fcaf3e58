import { z } from 'zod';
import { mockCreateSchema, type Mock } from './mock';
import { portSchema, projectCreateSchema, slugSchema, type Project } from './project';
import { responseCreateSchema, type MockResponse } from './response';

/**
 * The one definition of what a project, a mock and a response *are*, apart from where they
 * are stored: the fields a user edits, without ids, timestamps, order or local placement.
 * The create schemas of ./project.ts, ./mock.ts and ./response.ts are these definitions;
 * everything else maps to and from them:
 *  - project files (main/core/transfer) carry a ProjectDraft;
 *  - sync (main/core/sync) fingerprints content and the cloud client sends it as request bodies;
 *  - MockBird's snake_case wire format (shared/wire/mockbird.ts) maps to and from it;
 *  - the catalog's tree service (main/core/catalog/trees.ts) writes a ProjectDraft in one go.
 * Adding a field to a mock means: mockCreateSchema + mockSchema (mock.ts), the store row
 * mapping, and the wire mapping; test/unit/catalog/content-round-trip.test.ts fails until
 * every one of them carries it.
 */

export const projectContentSchema = projectCreateSchema.pick({
  name: true,
  description: true,
  isPublic: true,
  templatingSeed: true,
});
export type ProjectContent = z.output<typeof projectContentSchema>;

export const mockContentSchema = mockCreateSchema;
export type MockContent = z.output<typeof mockContentSchema>;

export const responseContentSchema = responseCreateSchema;
export type ResponseContent = z.output<typeof responseContentSchema>;

export type Content = ProjectContent | MockContent | ResponseContent;

/**
 * Content as another system holds it (the cloud): enumerated fields may carry values this
 * MockDeck does not support (a method it cannot serve). Sync keeps them as they are, so
 * fingerprints compare honestly; the catalog refuses them when they would be written here.
 */
export type Unchecked<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

/* ---- Drafts: a whole project tree, before it exists anywhere ---- */

export const MAX_DRAFT_MOCKS = 10_000;
export const MAX_DRAFT_RESPONSES_PER_MOCK = 1000;

export const mockDraftSchema = mockContentSchema.extend({
  responses: z.array(responseContentSchema).max(MAX_DRAFT_RESPONSES_PER_MOCK).default([]),
});
export type MockDraft = z.output<typeof mockDraftSchema>;

/** The project part of a draft: its content plus the slug and port it would like here. */
export const projectDraftHeaderSchema = projectContentSchema.extend({
  slug: slugSchema.optional(),
  port: portSchema.nullable().optional(),
});

/**
 * A project tree to create: project → mocks → responses, in order. What batch-create,
 * project files, sync copies (and next importers, the marketplace and AI generation) turn
 * their input into. Validation errors name the JSON path, e.g. `mocks.2.responses.0.statusCode`.
 */
export const projectDraftSchema = z.object({
  project: projectDraftHeaderSchema,
  mocks: z.array(mockDraftSchema).max(MAX_DRAFT_MOCKS).default([]),
});
export type ProjectDraft = z.output<typeof projectDraftSchema>;
/** A draft as callers may write it: defaults are filled in by validation. */
export type ProjectDraftInput = z.input<typeof projectDraftSchema>;

/* ---- Content of stored entities ---- */

export const PROJECT_CONTENT_KEYS = Object.keys(projectContentSchema.shape) as (keyof ProjectContent)[];
export const MOCK_CONTENT_KEYS = Object.keys(mockContentSchema.shape) as (keyof MockContent)[];
export const RESPONSE_CONTENT_KEYS = Object.keys(responseContentSchema.shape) as (keyof ResponseContent)[];

// Fields are taken by the schema's keys, never spread, and deep-copied: whatever else a
// stored row carries (ids, cloud links, counters) must not leak into a fingerprint or a
// file users commit to git, and the copy must not alias the row's header map or conditions.
function pick<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  return structuredClone(Object.fromEntries(keys.map((k) => [k, value[k]]))) as T;
}

export const projectContent = (p: ProjectContent): ProjectContent => pick(p, PROJECT_CONTENT_KEYS);
export const mockContent = (m: MockContent): MockContent => pick(m, MOCK_CONTENT_KEYS);
export const responseContent = (r: ResponseContent): ResponseContent => pick(r, RESPONSE_CONTENT_KEYS);

/** The draft of a stored project: its mocks in order, each with its responses in order. */
export function draftOf(project: Project, mocks: readonly Mock[], responsesOf: (mockId: string) => MockResponse[]) {
  return {
    project: { ...projectContent(project), slug: project.slug, port: project.port },
    mocks: mocks.map((m) => ({ ...mockContent(m), responses: responsesOf(m.id).map(responseContent) })),
  } satisfies ProjectDraft;
}

// The stored models must hold every content field with the same type: a field added to a
// create schema but not to the stored model fails to compile here.
type Holds<Stored, C> = Stored extends C ? true : never;
export const STORED_MODELS_HOLD_CONTENT: [
  Holds<Project, ProjectContent>,
  Holds<Mock, MockContent>,
  Holds<MockResponse, ResponseContent>,
] = [true, true, true];
