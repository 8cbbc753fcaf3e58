import { z } from 'zod';

/**
 * A data bucket (Mockoon's name): a named JSON value a project keeps while it is served.
 * Its `content` is the initial value as the user wrote it (JSON text, or a template when
 * `templated`); the current value starts from it, changes with the requests CRUD routes
 * answer, persists across restarts, and goes back to the content on reset. Templates and
 * rules read it by name or id.
 */

/**
 * The largest bucket, as JSON text, initial or current: what one bucket may hold before
 * a write is refused. The whole value is serialised on each persisted write (batched), so
 * this bounds that work to a few milliseconds.
 */
export const MAX_BUCKET_BYTES = 1024 * 1024;
/** Buckets per project (a project file can carry as many). */
export const MAX_BUCKETS_PER_PROJECT = 100;

export const bucketNameSchema = z
  .string()
  .trim()
  .min(1, 'name is required, e.g. users')
  .max(100, 'name is at most 100 characters')
  .regex(/^[^\s'"{}]+$/, "name must not contain spaces, quotes or braces: templates name it as {{data 'users'}}");

/** How deep JSON text nests: values of buckets are copied and serialised recursively, so depth is bounded. */
export const MAX_BUCKET_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text (strings skipped), in one pass. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** Bytes of `text` as UTF-8, without encoding it (shared/ also runs in the renderer, which has no Buffer). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Why `content` cannot be a bucket's initial value, or undefined when it can. */
export function bucketContentProblem(content: string, templated: boolean): string | undefined {
  if (utf8Length(content) > MAX_BUCKET_BYTES) {
    return `content is larger than ${MAX_BUCKET_BYTES} bytes (the most a bucket holds)`;
  }
  if (jsonDepth(content) > MAX_BUCKET_DEPTH) {
    return `content nests arrays and objects more than ${MAX_BUCKET_DEPTH} levels deep`;
  }
  // A templated bucket is JSON only once rendered (its placeholders may stand for numbers).
  if (templated) return undefined;
  try {
    JSON.parse(content);
    return undefined;
  } catch (e) {
    return `content is not valid JSON (${(e as Error).message}): write JSON, e.g. [] or [{"id": 1}], or mark the bucket templated`;
  }
}

const contentSchema = z.string().max(MAX_BUCKET_BYTES * 4, `content is larger than ${MAX_BUCKET_BYTES} bytes`);

/** What a bucket *is*, apart from where it is stored: the content a project file and drafts carry. */
export const bucketCreateSchema = z
  .object({
    name: bucketNameSchema,
    description: z.string().max(5000).default(''),
    content: contentSchema.default('[]'),
    templated: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    const problem = bucketContentProblem(b.content, b.templated);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['content'] });
  });
export type BucketCreate = z.input<typeof bucketCreateSchema>;
export type BucketContent = z.output<typeof bucketCreateSchema>;
export const BUCKET_CONTENT_KEYS = ['name', 'description', 'content', 'templated'] as const;

export const bucketUpdateSchema = z.object({
  name: bucketNameSchema.optional(),
  description: z.string().max(5000).optional(),
  content: contentSchema.optional(),
  templated: z.boolean().optional(),
});
export type BucketUpdate = z.input<typeof bucketUpdateSchema>;

export const bucketSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  description: z.string(),
  content: z.string(),
  templated: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DataBucket = z.infer<typeof bucketSchema>;

/** A bucket with its current value as JSON text (null: never written, so it is its content). */
export interface DataBucketWithValue extends DataBucket {
  /** The current value as JSON text; equals the (rendered) content until a CRUD route writes it. */
  value: string;
  /** When a request last changed it; null while it holds its content. */
  valueUpdatedAt: string | null;
}

export const bucketContent = (b: BucketContent): BucketContent => ({
  name: b.name,
  description: b.description,
  content: b.content,
  templated: b.templated,
});
