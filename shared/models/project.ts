import { z } from 'zod';
import { chaosSettingSchema } from './chaos';
import type { Mock } from './mock';
import type { RouteWarning } from './routes';
import type { ImportReport } from './transfer';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(SLUG_PATTERN, 'slug may contain only lowercase letters, digits and single dashes, e.g. "my-api"');

/**
 * What a project does with a request no mock matches (docs/proxy.md): 'off' answers
 * MOCK_NOT_FOUND, 'passthrough' forwards it to the project's upstream server, 'record'
 * forwards it and turns each new method + path the upstream answers into a mock.
 */
export const PROXY_MODES = ['off', 'passthrough', 'record'] as const;
export const proxyModeSchema = z.enum(PROXY_MODES, {
  error: 'proxyMode must be "off", "passthrough" or "record"',
});
export type ProxyMode = z.infer<typeof proxyModeSchema>;

function upstreamProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'upstreamUrl must be an absolute http:// or https:// URL, e.g. "https://api.example.com"';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `upstreamUrl must use http:// or https://, not ${url.protocol}//`;
  if (url.username !== '' || url.password !== '')
    return 'upstreamUrl must not contain a user name or password: send credentials in the Authorization header, which is forwarded';
  if (url.search !== '' || url.hash !== '')
    return 'upstreamUrl must not have a query string or #fragment: the request brings its own query string';
  return null;
}

/** The server unmatched requests go to: an http(s) origin, optionally with a base path ("https://api.example.com/v2"). */
export const upstreamUrlSchema = z
  .string()
  .trim()
  .max(2000, 'upstreamUrl is at most 2000 characters')
  .superRefine((text, ctx) => {
    const problem = upstreamProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  // One spelling per upstream: no trailing slash (the request path brings its own).
  .transform((text) => text.replace(/\/+$/, ''));

/** How long connecting to the upstream may take (ms). */
export const proxyConnectTimeoutSchema = z
  .number()
  .int()
  .min(100, 'proxyConnectTimeoutMs is at least 100 (ms)')
  .max(10_000, 'proxyConnectTimeoutMs is at most 10000 (ms)');
/**
 * How long the upstream may take to send its response headers, and at most between two
 * pieces of its body (ms). With the connect timeout it stays under the 30 s the pipeline
 * waits for any step (engine/pipeline), so the proxy's own 504 always answers first.
 */
export const proxyResponseTimeoutSchema = z
  .number()
  .int()
  .min(100, 'proxyResponseTimeoutMs is at least 100 (ms)')
  .max(19_000, 'proxyResponseTimeoutMs is at most 19000 (ms): MockDeck waits at most 30 s for any answer');

export const DEFAULT_PROXY_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_PROXY_RESPONSE_TIMEOUT_MS = 15_000;

/** Request-log rows kept per project: 0 keeps none; tens of millions fit (logs.db grows ~1 KB a row). */
export const MAX_LOG_RETENTION = 100_000_000;
export const DEFAULT_LOG_RETENTION = 10_000;
export const logRetentionSchema = z
  .number({ message: 'logRetention must be a number of request-log rows, e.g. 100000 (0 keeps none)' })
  .int('logRetention must be a whole number of rows')
  .min(0, 'logRetention cannot be negative: 0 keeps no request log')
  .max(MAX_LOG_RETENTION, `logRetention is at most ${MAX_LOG_RETENTION} rows`);

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
  /**
   * How many request-log rows this project keeps (docs/request-logs.md); older ones are
   * trimmed in the background. 0 keeps none; null: the app's default (`--log-retention`, the
   * Settings screen). A setting of this machine, like logSecrets: not content.
   */
  logRetention: z.number().int().nullable(),
  /**
   * Chaos for every request the project serves, matched or not (./chaos.ts); a mock's own
   * setting wins over it. null: off. Travels in project files, not in sync (see docs/chaos.md).
   */
  chaos: chaosSettingSchema,
  /**
   * Proxy settings (docs/proxy.md): where unmatched requests go and what is done with them.
   * Settings of this machine, like the port: not content, so no project file or sync can
   * send this project's traffic (and its clients' credentials) to a server of its choosing.
   */
  upstreamUrl: z.string().nullable(),
  proxyMode: proxyModeSchema,
  proxyConnectTimeoutMs: z.number().int(),
  proxyResponseTimeoutMs: z.number().int(),
  /** Record mode writes numeric and UUID path segments as `{id}` (one mock for /users/1, /users/2…). */
  recordGeneralizeIds: z.boolean(),
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
  logRetention: logRetentionSchema.nullable().default(null),
  chaos: chaosSettingSchema.default(null),
  upstreamUrl: upstreamUrlSchema.nullable().default(null),
  proxyMode: proxyModeSchema.default('off'),
  proxyConnectTimeoutMs: proxyConnectTimeoutSchema.default(DEFAULT_PROXY_CONNECT_TIMEOUT_MS),
  proxyResponseTimeoutMs: proxyResponseTimeoutSchema.default(DEFAULT_PROXY_RESPONSE_TIMEOUT_MS),
  recordGeneralizeIds: z.boolean().default(false),
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
  logRetention: logRetentionSchema.nullable().optional(),
  chaos: chaosSettingSchema.optional(),
  upstreamUrl: upstreamUrlSchema.nullable().optional(),
  proxyMode: proxyModeSchema.optional(),
  proxyConnectTimeoutMs: proxyConnectTimeoutSchema.optional(),
  proxyResponseTimeoutMs: proxyResponseTimeoutSchema.optional(),
  recordGeneralizeIds: z.boolean().optional(),
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
  /** What was created from the document and what could not be mapped (absent for drafts from elsewhere). */
  report?: ImportReport;
  /** Mocks of the imported project that another of its mocks shadows (same method and path); absent: none. */
  warnings?: RouteWarning[];
}
