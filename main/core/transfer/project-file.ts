import { z } from 'zod';
import {
  conditionSchema,
  headerMapSchema,
  HTTP_METHODS,
  mockCreateSchema,
  portSchema,
  projectNameSchema,
  responseCreateSchema,
  slugSchema,
  type Condition,
  type ResponseMode,
  type ResponseType,
} from '../../../shared/models';

/**
 * MockDeck's native project file: one project with its mocks and responses, camelCase
 * domain fields, no ids (import always creates new ones), nothing machine- or user-secret.
 * Bump PROJECT_FILE_VERSION only for changes an older MockDeck cannot read; additive
 * optional fields keep the version.
 */
export const PROJECT_FILE_KIND = 'project';
export const PROJECT_FILE_VERSION = 1;

export interface ProjectFileResponse {
  name: string;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isDefault: boolean;
  weight: number;
  conditions: Condition[];
}

export interface ProjectFileMock {
  name: string;
  path: string;
  method: (typeof HTTP_METHODS)[number];
  description: string;
  responseType: ResponseType;
  responseDelay: number;
  responseMode: ResponseMode;
  isActive: boolean;
  responses: ProjectFileResponse[];
}

export interface ProjectFile {
  mockdeck: typeof PROJECT_FILE_KIND;
  version: typeof PROJECT_FILE_VERSION;
  exportedAt: string;
  project: { name: string; description: string; slug: string; isPublic: boolean; port: number | null };
  mocks: ProjectFileMock[];
}

/** Reuses the create schemas, so a file cannot hold what the API would refuse. */
const fileResponseSchema = responseCreateSchema.extend({
  headers: headerMapSchema.default({}),
  conditions: z.array(conditionSchema).max(50).default([]),
});

const fileMockSchema = mockCreateSchema.extend({
  responses: z.array(fileResponseSchema).max(1000).default([]),
});

export const projectFileSchema = z.object({
  mockdeck: z.literal(PROJECT_FILE_KIND, {
    message: 'mockdeck must be "project": this is not a MockDeck project file',
  }),
  version: z.literal(PROJECT_FILE_VERSION, { message: `version must be ${PROJECT_FILE_VERSION}` }),
  exportedAt: z.string().optional(),
  project: z.object({
    name: projectNameSchema,
    description: z.string().max(5000).default(''),
    slug: slugSchema.optional(),
    isPublic: z.boolean().default(false),
    port: portSchema.nullable().optional(),
  }),
  mocks: z.array(fileMockSchema).max(10_000).default([]),
});

export type ParsedProjectFile = z.output<typeof projectFileSchema>;
