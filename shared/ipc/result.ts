import { z } from 'zod';

/**
 * Error codes every transport carries unchanged, so the UI, the CLI and the REST API
 * describe a problem the same way.
 */
export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'PORT_IN_USE',
  'SERVER_ERROR',
  'CLOUD_ERROR',
  'OFFLINE',
  'KEYCHAIN_UNAVAILABLE',
  'INTERNAL_ERROR',
  /** The call is not allowed over the transport it came through (call-meta.ts). */
  'FORBIDDEN',
  /** The caller cancelled a long call; what it finished is kept, nothing is half-written. */
  'CANCELLED',
  /** AI generation: no provider is set up yet (the message says where to set one). */
  'AI_NOT_CONFIGURED',
  /** AI generation: this month's token limit is used up. */
  'AI_LIMIT_REACHED',
  /** AI generation: the provider refused, failed, or answered unusable JSON twice. */
  'AI_PROVIDER_ERROR',
  /** AI generation: the provider did not answer in time. */
  'AI_TIMEOUT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Dotted path of the offending input field, when one field is at fault. */
  field: z.string().optional(),
  /** What the user can do about it. */
  hint: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
