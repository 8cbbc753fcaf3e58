import { z } from 'zod';
import type { Mock } from './mock';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(SLUG_PATTERN, 'slug may contain only lowercase letters, digits and single dashes, e.g. "my-api"');

/** A TCP port a project may own, serving its mocks at the root. */
export const portSchema = z.number().int().min(1024, 'port must be 1024 or higher').max(65535);

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  slug: slugSchema,
  isPublic: z.boolean(),
  /** Seeds faker in this project's templates (docs/templating.md): the same requests in the same order get the same fake data. Null: random. */
  templatingSeed: z.number().int().nullable(),
  port: portSchema.nullable(),
  /**
   * Keep credentials (Authorization, Cookie, Set-Cookie, API keys, password fields) in this
   * project's request logs; off by default, when logs.db holds them masked. A setting of this
   * machine, like the port: not content, so no project file or sync can switch it on.
   */
  logSecrets: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

/** A faker seed: any safe integer (faker takes a number). */
export const templatingSeedSchema = z
  .number({ message: 'templatingSeed must be a whole number, or null for random fake data' })
  .int('templatingSeed must be a whole number, or null for random fake data')
  .min(Number.MIN_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER);

export const projectNameSchema = z.string().trim().min(1, 'name is required').max(200);

/** The project's content (name, description, isPublic: ./content.ts) plus where it lives here (slug, port). */
export const projectCreateSchema = z.object({
  name: projectNameSchema,
  description: z.string().max(5000).default(''),
  isPublic: z.boolean().default(false),
  templatingSeed: templatingSeedSchema.nullable().default(null),
  slug: slugSchema.optional(),
  port: portSchema.nullable().optional(),
  logSecrets: z.boolean().default(false),
});
export type ProjectCreate = z.input<typeof projectCreateSchema>;

export const projectUpdateSchema = z.object({
  name: projectNameSchema.optional(),
  description: z.string().max(5000).optional(),
  isPublic: z.boolean().optional(),
  templatingSeed: templatingSeedSchema.nullable().optional(),
  slug: slugSchema.optional(),
  port: portSchema.nullable().optional(),
  logSecrets: z.boolean().optional(),
});
export type ProjectUpdate = z.input<typeof projectUpdateSchema>;

/** A project as lists show it. */
export type ProjectSummary = Project & { mockCount: number };

/** A project with its mocks in their order (projects.get). */
export interface ProjectWithMocks extends Project {
  mocks: (Mock & { responseCount: number })[];
}

/** Lowercase, dash-separated slug from a display name ("My API!" → "my-api"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'project';
}

/** What importing a project file (or any draft from outside) created, and what it adjusted. */
export interface ImportProjectResult {
  project: Project;
  /** The slug the project got: the file's, or `<slug>-2`… when that one was taken. */
  slug: string;
  slugChanged: boolean;
  mockCount: number;
  responseCount: number;
  /** The file's dedicated port when another project already owns it (the import drops it). */
  droppedPort: number | null;
}
