import {
  federationCreateSchema,
  federationListQuerySchema,
  federationUpdateSchema,
  routeFederation,
  routeRequestSchema,
  type Federation,
  type FederationCreate,
  type FederationRoute,
  type FederationService as ServiceDef,
  type FederationUpdate,
} from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError, parseInput } from '../util/errors';
import { newId } from '../util/ids';
import { FederationsRepo } from './federations-repo';

export type FederationListQuery = Parameters<typeof federationListQuerySchema.parse>[0];

/**
 * Federations of projects (docs/federation.md): the one write path for their definitions,
 * whatever the transport (REST, IPC, CLI). Every write validates the whole definition — the
 * services' names, base paths and dependency graph (shared/models/federation.ts) and that each
 * workspace_id is a project here — before anything is stored.
 */
export class FederationDefinitions {
  private readonly repo: FederationsRepo;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new FederationsRepo(store.db);
  }

  /** Told after each committed change (the server drops what it cached of federations). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(query: FederationListQuery = {}): Federation[] {
    const q = parseInput(federationListQuerySchema, query);
    return this.repo.list({ orgId: q.org_id, limit: q.limit, offset: q.offset });
  }

  get(id: string): Federation {
    const f = this.repo.get(id);
    if (!f) throw federationNotFound(id);
    return f;
  }

  /** The federation served at /f/<name>/, or undefined. */
  byName(name: string): Federation | undefined {
    return this.repo.byName(name);
  }

  create(input: FederationCreate): Federation {
    const draft = parseInput(federationCreateSchema, input);
    this.checkProjects(draft.services);
    const now = this.clock.now().toISOString();
    const f: Federation = {
      id: newId(),
      name: draft.name,
      description: draft.description,
      org_id: draft.org_id ?? null,
      services: draft.services,
      created_at: now,
      updated_at: now,
    };
    this.write(() => {
      this.checkNameFree(f.name, null);
      this.repo.insert(f);
    });
    return f;
  }

  update(id: string, input: FederationUpdate): Federation {
    const patch = parseInput(federationUpdateSchema, input);
    if (patch.services) this.checkProjects(patch.services);
    let updated: Federation | undefined;
    this.write(() => {
      const before = this.get(id);
      updated = {
        ...before,
        name: patch.name ?? before.name,
        description: patch.description ?? before.description,
        org_id: patch.org_id === undefined ? before.org_id : patch.org_id,
        services: patch.services ?? before.services,
        updated_at: this.clock.now().toISOString(),
      };
      if (updated.name !== before.name) this.checkNameFree(updated.name, id);
      this.repo.update(updated);
    });
    return updated!;
  }

  delete(id: string): void {
    this.write(() => {
      if (!this.repo.delete(id)) throw federationNotFound(id);
    });
  }

  /** Which service a path goes to (POST /federation/{id}/route); a path no base path matches is a 404. */
  route(id: string, request: unknown): FederationRoute {
    const f = this.get(id);
    const { path } = parseInput(routeRequestSchema, request);
    const r = routeFederation(f.services, path);
    if (r === null) throw noServiceFor(f, path);
    return r;
  }

  private write(fn: () => void): void {
    this.store.tx(() => {
      fn();
      this.store.afterCommit(() => {
        for (const l of this.listeners) l();
      });
    });
  }

  private checkNameFree(name: string, self: string | null): void {
    const other = this.repo.byName(name);
    if (other && other.id !== self) {
      throw new AppError('VALIDATION_ERROR', `a federation named "${name}" already exists: choose another name`, {
        field: 'name',
      });
    }
  }

  private checkProjects(services: readonly ServiceDef[]): void {
    services.forEach((s, i) => {
      if (!this.store.projects.get(s.workspace_id)) {
        throw new AppError(
          'VALIDATION_ERROR',
          `service "${s.name}" has workspace_id "${s.workspace_id}", which is not a MockDeck project: use a project id (mockdeck projects list, or GET /projects)`,
          { field: `services.${i}.workspace_id` },
        );
      }
    });
  }
}

export const federationNotFound = (id: string): AppError =>
  new AppError('NOT_FOUND', `Federation not found: no federation has the id "${id}"`, {
    hint: 'list them with GET /api/v1/federation',
  });

export function noServiceFor(f: Federation, path: string): AppError {
  const paths = f.services.map((s) => s.base_path).join(', ') || 'none: the federation has no services';
  return new AppError(
    'NOT_FOUND',
    `no service of federation "${f.name}" has a base path matching "${path}" (base paths: ${paths})`,
  );
}
