import { z } from 'zod';
import { conditionSchema } from './condition';

export const headerMapSchema = z.record(
  z
    .string()
    .trim()
    .min(1, 'header name cannot be empty')
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'header name has characters HTTP does not allow'),
  z
    .string()
    .regex(/^[^\r\n]*$/, 'header value cannot contain line breaks')
    // What Node (and HTTP/1.1) can put on the wire: tab, printable ASCII and Latin-1.
    .regex(
      /^[\t\x20-\x7e\x80-\xff]*$/,
      'header value can only hold printable ASCII or Latin-1 characters: percent-encode or remove the others',
    ),
);

export const MAX_BODY_LENGTH = 5 * 1024 * 1024;

export const mockResponseSchema = z.object({
  id: z.string(),
  mockId: z.string(),
  name: z.string(),
  statusCode: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  isDefault: z.boolean(),
  weight: z.number(),
  conditions: z.array(conditionSchema),
  /** Send the body and headers as stored even when they contain `{{` (Mockoon's name). */
  disableTemplating: z.boolean(),
  sortOrder: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MockResponse = z.infer<typeof mockResponseSchema>;

const statusSchema = z
  .number({ message: 'statusCode must be a number' })
  .int()
  .min(100, 'statusCode must be between 100 and 599')
  .max(599, 'statusCode must be between 100 and 599');
const weightSchema = z
  .number({ message: 'weight must be a number' })
  .min(0, 'weight cannot be negative')
  .max(1_000_000);
const bodySchema = z
  .string({ message: 'body must be a string: serialize JSON first (JSON.stringify)' })
  .max(MAX_BODY_LENGTH, 'body is larger than 5 MB');

/** What a response *is*, with the defaults a new one gets: the one definition of its content (./content.ts). */
export const responseCreateSchema = z.object({
  name: z.string().trim().min(1).max(200).default('Response'),
  statusCode: statusSchema.default(200),
  headers: headerMapSchema.default({}),
  body: bodySchema.default(''),
  isDefault: z.boolean().default(false),
  weight: weightSchema.default(100),
  conditions: z.array(conditionSchema).max(50).default([]),
  disableTemplating: z.boolean().default(false),
});
export type ResponseCreate = z.input<typeof responseCreateSchema>;

export const responseUpdateSchema = z.object({
  name: z.string().trim().min(1, 'name cannot be empty').max(200).optional(),
  statusCode: statusSchema.optional(),
  headers: headerMapSchema.optional(),
  body: bodySchema.optional(),
  isDefault: z.boolean().optional(),
  weight: weightSchema.optional(),
  conditions: z.array(conditionSchema).max(50).optional(),
  disableTemplating: z.boolean().optional(),
});
export type ResponseUpdate = z.input<typeof responseUpdateSchema>;
