import { z } from 'zod';
import { chaosSchema, type Chaos } from './chaos';

/**
 * Federations (docs/federation.md, mockops-api.md §Federation): several MockDeck projects
 * served under one base URL, `/f/<federation-name>/…`, each at a base path and a reality
 * level. Field names are the MockOps wire's (snake_case): the REST API, the contract, the
 * store and the renderer all use this one definition.
 */

export const REALITY_LEVELS = ['real', 'mock_v3', 'blended', 'chaos_driven'] as const;
export type RealityLevel = (typeof REALITY_LEVELS)[number];

/** What each level does, for the UI and the CLI. */
export const REALITY_LEVEL_LABELS: Record<RealityLevel, string> = {
  real: 'real — every request goes to the project’s upstream',
  mock_v3: 'mock — the project’s mocks answer',
  blended: 'blended — a mock where one matches, the upstream otherwise',
  chaos_driven: 'chaos — mocks with the project’s chaos settings (or the default profile)',
};

/**
 * What a chaos_driven service injects when its project has no chaos setting of its own:
 * a normal latency around 250 ms, one request in ten a 503, one in fifty a connection reset.
 * The app's chaos kill switch still turns it off (docs/chaos.md).
 */
export const DEFAULT_FEDERATION_CHAOS: Chaos = chaosSchema.parse({
  latency: { kind: 'normal', mean: 250, stddev: 75 },
  errorRate: 0.1,
  errorStatus: 503,
  fault: 'connection_reset',
  faultRate: 0.02,
});

/** Bounds one definition (and so the work one route or request can cause). */
export const MAX_FEDERATION_SERVICES = 50;
export const MAX_SERVICE_DEPENDENCIES = 50;

const NAME_RULE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const serviceName = z
  .string({ message: 'a service name is required, e.g. "auth"' })
  .trim()
  .min(1, 'a service name cannot be empty')
  .max(100, 'a service name is at most 100 characters')
  .regex(NAME_RULE, 'a service name is letters, digits, ".", "_" or "-", e.g. "auth"');

/**
 * A base path: "/" or "/segment[/segment…]" without a trailing slash, query or fragment.
 * A trailing slash is dropped ("/auth/" is "/auth"), so two spellings of one prefix collide.
 */
export const basePathSchema = z
  .string({ message: 'base_path is required, e.g. "/auth"' })
  .trim()
  .max(200, 'base_path is at most 200 characters')
  .refine((p) => p.startsWith('/'), 'base_path must start with "/", e.g. "/auth"')
  .refine((p) => !/[?#\s]/.test(p), 'base_path cannot hold "?", "#" or spaces: it is a path prefix, e.g. "/auth"')
  .refine((p) => !p.includes('//'), 'base_path cannot hold an empty segment ("//")')
  .transform((p) => (p.length > 1 ? p.replace(/\/+$/, '') : p));

export const federationServiceSchema = z.object({
  name: serviceName,
  /** The MockDeck project that serves this service. */
  workspace_id: z
    .string({ message: 'workspace_id (a MockDeck project id) is required' })
    .min(1, 'workspace_id is required'),
  base_path: basePathSchema,
  reality_level: z.enum(REALITY_LEVELS, { message: `reality_level must be one of ${REALITY_LEVELS.join(', ')}` }),
  /** Free-form per-service settings, kept as given (MockOps' `config`). */
  config: z.record(z.string(), z.unknown(), { message: 'config must be an object, e.g. {}' }).default({}),
  /** Names of other services of the same federation this one calls. */
  dependencies: z
    .array(serviceName, { message: 'dependencies must be a list of service names, e.g. ["auth"]' })
    .max(MAX_SERVICE_DEPENDENCIES, `a service has at most ${MAX_SERVICE_DEPENDENCIES} dependencies`)
    .default([]),
});
export type FederationService = z.output<typeof federationServiceSchema>;
export type FederationServiceInput = z.input<typeof federationServiceSchema>;

const servicesSchema = z
  .array(federationServiceSchema, { message: 'services must be a list of services' })
  .max(MAX_FEDERATION_SERVICES, `a federation has at most ${MAX_FEDERATION_SERVICES} services`)
  .superRefine((services, ctx) => {
    for (const p of federationProblems(services)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
  });

const federationName = z
  .string({ message: 'name is required, e.g. "e-commerce-platform"' })
  .trim()
  .min(1, 'name cannot be empty')
  .max(100, 'name is at most 100 characters')
  .regex(NAME_RULE, 'name is letters, digits, ".", "_" or "-" (it is the URL segment of /f/<name>/), e.g. "shop"');

export const federationCreateSchema = z.object({
  name: federationName,
  description: z
    .string({ message: 'description must be text' })
    .max(2000, 'description is at most 2,000 characters')
    .default(''),
  /** Optional locally: MockDeck has no organizations; kept and filtered on when given. */
  org_id: z.string({ message: 'org_id must be text' }).max(200).nullable().optional(),
  services: servicesSchema.default([]),
});
export type FederationCreate = z.input<typeof federationCreateSchema>;

export const federationUpdateSchema = z.object({
  name: federationName.optional(),
  description: z
    .string({ message: 'description must be text' })
    .max(2000, 'description is at most 2,000 characters')
    .optional(),
  org_id: z.string({ message: 'org_id must be text' }).max(200).nullable().optional(),
  services: servicesSchema.optional(),
});
export type FederationUpdate = z.input<typeof federationUpdateSchema>;

export interface Federation {
  id: string;
  name: string;
  description: string;
  org_id: string | null;
  services: FederationService[];
  created_at: string;
  updated_at: string;
}

export const federationListQuerySchema = z.object({
  org_id: z.string().max(200).optional(),
  limit: z.number().int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(50),
  offset: z.number().int().min(0, 'offset cannot be negative').max(1_000_000_000).default(0),
});

export const routeRequestSchema = z.object({
  path: z
    .string({ message: 'path is required, e.g. "/auth/login"' })
    .max(2048, 'path is longer than 2,048 characters')
    .refine((p) => p.startsWith('/'), 'path must start with "/", e.g. "/auth/login"'),
  method: z.string().max(20).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.unknown().optional(),
});

/** POST /federation/{id}/route's answer: which service takes a path, and the path it sees. */
export interface FederationRoute {
  workspace_id: string;
  service: Pick<FederationService, 'name' | 'workspace_id' | 'base_path' | 'reality_level'>;
  service_path: string;
}

/** A path (no query) matches a base path when it is it, or lies below it. */
const under = (path: string, base: string): boolean =>
  base === '/' || path === base || (path.startsWith(base) && path[base.length] === '/');

/**
 * The longest matching base path picks the service (so /api/admin wins over /api for
 * /api/admin/users); null when none matches. Pure: the server, the route call and the UI's
 * route tester all use it.
 */
export function routeFederation(services: readonly FederationService[], path: string): FederationRoute | null {
  const q = path.search(/[?#]/);
  const bare = q < 0 ? path : path.slice(0, q);
  let best: FederationService | null = null;
  for (const s of services) {
    if (under(bare, s.base_path) && (best === null || s.base_path.length > best.base_path.length)) best = s;
  }
  if (best === null) return null;
  const rest = best.base_path === '/' ? bare : bare.slice(best.base_path.length);
  return {
    workspace_id: best.workspace_id,
    service: {
      name: best.name,
      workspace_id: best.workspace_id,
      base_path: best.base_path,
      reality_level: best.reality_level,
    },
    service_path: rest === '' ? '/' : rest,
  };
}

export interface FederationProblem {
  message: string;
  path: (string | number)[];
}

/**
 * What makes a set of services unusable, each naming the service and the fix: a name used
 * twice, two services on one base path, a dependency on an unknown service or on itself,
 * a dependency cycle. Nested base paths (/api and /api/admin) are allowed: the longest wins.
 */
export function federationProblems(services: readonly FederationService[]): FederationProblem[] {
  const problems: FederationProblem[] = [];
  const byName = new Map<string, number>();
  const byPath = new Map<string, string>();
  services.forEach((s, i) => {
    if (byName.has(s.name)) {
      problems.push({
        message: `two services are named "${s.name}": give each service its own name`,
        path: [i, 'name'],
      });
    } else byName.set(s.name, i);
    const other = byPath.get(s.base_path);
    if (other !== undefined) {
      problems.push({
        message: `services "${other}" and "${s.name}" overlap: both have base_path "${s.base_path}"; give each service its own base path`,
        path: [i, 'base_path'],
      });
    } else byPath.set(s.base_path, s.name);
  });
  services.forEach((s, i) => {
    s.dependencies.forEach((d, j) => {
      if (d === s.name)
        problems.push({
          message: `service "${s.name}" depends on itself: remove "${d}" from its dependencies`,
          path: [i, 'dependencies', j],
        });
      else if (!byName.has(d)) {
        problems.push({
          message: `service "${s.name}" depends on "${d}", which is not a service of this federation (services: ${[...byName.keys()].join(', ') || 'none'})`,
          path: [i, 'dependencies', j],
        });
      }
    });
  });
  if (problems.length === 0) {
    const cycle = dependencyCycle(services);
    if (cycle !== null) {
      problems.push({
        message: `dependency cycle: ${cycle.join(' → ')}; a service cannot depend on itself through others, remove one of these dependencies`,
        path: [byName.get(cycle[0]!) ?? 0, 'dependencies'],
      });
    }
  }
  return problems;
}

/** The first cycle in the dependency graph as a list of names ending where it started, or null. */
export function dependencyCycle(services: readonly FederationService[]): string[] | null {
  const deps = new Map(services.map((s) => [s.name, s.dependencies]));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (name: string): string[] | null => {
    const st = state.get(name);
    if (st === 'done') return null;
    if (st === 'open') return [...trail.slice(trail.indexOf(name)), name];
    state.set(name, 'open');
    trail.push(name);
    for (const d of deps.get(name) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    trail.pop();
    state.set(name, 'done');
    return null;
  };
  for (const s of services) {
    const c = visit(s.name);
    if (c) return c;
  }
  return null;
}
