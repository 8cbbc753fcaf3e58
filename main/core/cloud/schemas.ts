import { z } from 'zod';

/**
 * Response bodies of the MockForge Cloud API (docs/reference/mockforge-cloud-api.md). Optional where the
 * spec's examples differ between endpoints, strict about what the app relies on.
 */
const nullableStr = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const healthSchema = z.object({ status: z.string(), version: z.string().optional() });

/** A refresh needs only `token`; sign-in shows the user and falls back to the JWT's claims. */
export const authResultSchema = z.object({
  token: z.string().min(1),
  user_id: z.string().optional(),
  username: z.string().optional(),
});
export type AuthResult = z.infer<typeof authResultSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  plan: z.string(),
  owner_id: z.string().optional(),
  created_at: z.string().optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const tokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  token_prefix: z.string(),
  scopes: z.array(z.string()).default([]),
  last_used_at: nullableStr,
  expires_at: nullableStr,
  created_at: z.string(),
  age_days: z.number().optional(),
  needs_rotation: z.boolean().optional(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const createdTokenSchema = tokenInfoSchema.extend({ token: z.string().startsWith('mfx_') });

export const rotatedTokenSchema = z.object({
  new_token: z.string().startsWith('mfx_'),
  new_token_id: z.string(),
  new_token_name: z.string(),
  old_token_id: z.string().optional(),
  old_token_deleted: z.boolean().optional(),
});

export const successSchema = z.object({ success: z.boolean().optional(), message: z.string().optional() }).loose();

export const DEPLOYMENT_STATUSES = ['active', 'deploying', 'failed', 'stopped'] as const;
export const deploymentSchema = z.object({
  id: z.string(),
  org_id: z.string().optional(),
  project_id: z.string().nullable().optional(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable().optional(),
  status: z.string(),
  health_status: z.string().default('unknown'),
  url: z.string(),
  config_json: z.record(z.string(), z.unknown()).optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
});
export type Deployment = z.infer<typeof deploymentSchema>;

// The caller re-reads the deployment afterwards: nothing of this answer is needed.
export const deploymentStatusResultSchema = z.object({
  id: z.string().optional(),
  status: z.string().optional(),
  updated_at: z.string().optional(),
});

export const deploymentLogSchema = z.object({
  /** Only a list key: a line without one gets a key from its time and position. */
  id: z.string().optional(),
  level: z.string(),
  message: z.string(),
  created_at: z.string(),
});
export type DeploymentLog = z.infer<typeof deploymentLogSchema>;

export const deploymentMetricsSchema = z.object({
  requests_total: z.number(),
  requests_per_minute: z.number(),
  average_response_time_ms: z.number(),
  error_rate: z.number(),
  status_codes: z.record(z.string(), z.number()),
  period_start: z.string().optional(),
  period_end: z.string().optional(),
});
export type DeploymentMetrics = z.infer<typeof deploymentMetricsSchema>;

export const usageSchema = z.object({
  requests: z.number(),
  requests_limit: z.number(),
  storage_bytes: z.number(),
  storage_limit_bytes: z.number(),
  ai_tokens_used: z.number(),
  ai_tokens_limit: z.number(),
  period_start: z.string().optional(),
  period_end: z.string().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

const optNum = z
  .number()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/**
 * Sync and deploy need only `org_id`; the Account screen shows the rest and says "–" for a
 * limit the cloud leaves out, so a missing limit never fails a call (tolerant reader).
 */
export const subscriptionSchema = z.object({
  org_id: z.string(),
  plan: z.string().default('unknown'),
  status: z.string().default('unknown'),
  current_period_end: nullableStr,
  usage: usageSchema.partial().optional(),
  limits: z
    .object({
      max_projects: optNum,
      max_collaborators: optNum,
      requests_per_30d: optNum,
      storage_gb: optNum,
      ai_tokens_per_month: optNum,
      hosted_mocks: z
        .boolean()
        .nullable()
        .optional()
        .transform((v) => v ?? null),
    })
    .default({
      max_projects: null,
      max_collaborators: null,
      requests_per_30d: null,
      storage_gb: null,
      ai_tokens_per_month: null,
      hosted_mocks: null,
    }),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** The documented error body, and MockBird's `{ error: CODE, message }` for the project endpoints. */
export const cloudErrorBodySchema = z.object({
  error: z.string(),
  error_code: z.string().optional(),
  status: z.number().optional(),
  message: z.string().optional(),
  field: z.string().optional(),
  hint: z.string().optional(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type CloudErrorBody = z.infer<typeof cloudErrorBodySchema>;
