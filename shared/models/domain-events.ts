import { z } from 'zod';

/**
 * What happened to the catalog, as the rest of the world is told: the one list of domain
 * events. The catalog writes each one into the outbox in the same transaction as the change
 * (main/core/store/outbox-repo.ts) and hands it to in-process listeners only after the
 * outermost commit, so nothing hears about a change that rolled back. Webhooks and
 * pipelines read the outbox. Payloads name ids, not content: a consumer reads the current
 * state, which also keeps response bodies and headers out of the outbox.
 */

const projectRef = z.object({ projectId: z.string() });
const mockRef = projectRef.extend({ mockId: z.string() });
const responseRef = mockRef.extend({ responseId: z.string() });
const bucketRef = projectRef.extend({ bucketId: z.string() });

/** Where a whole project tree came from (catalog.trees.create). */
/** `import`: a document in another format (OpenAPI, Mockoon…) — mockops' `schema.changed`. */
export const TREE_SOURCES = ['batch-create', 'project-file', 'import', 'sync'] as const;
export type TreeSource = (typeof TREE_SOURCES)[number];

export const domainEventSchemas = {
  'project.created': projectRef.extend({ slug: z.string(), name: z.string() }),
  'project.updated': projectRef,
  'project.deleted': projectRef,
  /** A whole tree was written at once; `project.created` precedes it in the same commit. */
  'project.imported': projectRef.extend({
    source: z.enum(TREE_SOURCES),
    mockCount: z.number().int().min(0),
    responseCount: z.number().int().min(0),
  }),
  'mock.created': mockRef,
  'mock.updated': mockRef,
  'mock.deleted': mockRef,
  'response.created': responseRef,
  'response.updated': responseRef,
  'response.deleted': responseRef,
  'response.reordered': mockRef,
  'bucket.created': bucketRef,
  'bucket.updated': bucketRef,
  'bucket.deleted': bucketRef,
  /** The current value went back to the content (reset, or the content was edited). */
  'bucket.reset': bucketRef,
  /**
   * A scenario of the project was published to the marketplace (mockops' `scenario.published`).
   * Not a catalog change: nothing recompiles on it. Record with main/core/catalog/record-events.ts.
   */
  'marketplace.published': projectRef.extend({
    scenarioId: z.string(),
    scenarioName: z.string(),
    version: z.string().optional(),
  }),
  /** A project was promoted between environments (a pipeline's auto_promote step, a deploy). */
  'promotion.completed': projectRef.extend({
    entityType: z.string(),
    entityId: z.string(),
    fromEnvironment: z.string(),
    toEnvironment: z.string(),
    deploymentId: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
  }),
} as const;

/** Events about the catalog's content: the engine recompiles a project on each. The rest (marketplace, promotion) change nothing it serves. */
export const CATALOG_CHANGE_PREFIXES = ['project', 'mock', 'response', 'bucket'] as const;

export type DomainEventType = keyof typeof domainEventSchemas;
export const DOMAIN_EVENT_TYPES = Object.keys(domainEventSchemas) as DomainEventType[];
export type DomainEventPayload<T extends DomainEventType> = z.output<(typeof domainEventSchemas)[T]>;

/** One event: its type and payload, typed together. */
export type DomainEvent = { [T in DomainEventType]: { type: T; payload: DomainEventPayload<T> } }[DomainEventType];

export const isDomainEventType = (v: unknown): v is DomainEventType =>
  typeof v === 'string' && Object.hasOwn(domainEventSchemas, v);

/** Checks an event read back from storage or received from elsewhere; throws a ZodError naming the field. */
export function parseDomainEvent(type: string, payload: unknown): DomainEvent {
  if (!isDomainEventType(type)) throw new Error(`unknown domain event type "${type}"`);
  return { type, payload: domainEventSchemas[type].parse(payload) } as DomainEvent;
}
