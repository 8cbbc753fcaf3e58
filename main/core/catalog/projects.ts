import {
  projectCreateSchema,
  projectUpdateSchema,
  slugify,
  type MockResponse,
  type Project,
  type ProjectSummary,
  type ProjectWithMocks,
} from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError, notFound, parseInput } from '../util/errors';
import { newId } from '../util/ids';
import type { CatalogEvents } from './events';

export class ProjectService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
  ) {}

  list(search?: string): ProjectSummary[] {
    return this.store.projects.list(search?.trim() || undefined);
  }

  get(id: string): ProjectWithMocks {
    const p = this.require(id);
    return { ...p, mocks: this.store.mocks.listByProject(id) };
  }

  require(id: string): Project {
    const p = this.store.projects.get(id);
    if (!p) throw notFound('Project', id);
    return p;
  }

  create(input: unknown): Project {
    const data = parseInput(projectCreateSchema, input);
    const project = this.store.tx(() => {
      const slug = data.slug ?? this.uniqueSlug(slugify(data.name));
      this.assertSlugFree(slug);
      if (data.port != null) this.assertPortFree(data.port);
      const now = this.clock.now().toISOString();
      const p: Project = {
        id: newId(),
        name: data.name,
        description: data.description,
        slug,
        isPublic: data.isPublic,
        templatingSeed: data.templatingSeed,
        port: data.port ?? null,
        logSecrets: data.logSecrets,
        logRetention: data.logRetention,
        chaos: data.chaos,
        upstreamUrl: data.upstreamUrl,
        proxyMode: data.proxyMode,
        proxyConnectTimeoutMs: data.proxyConnectTimeoutMs,
        proxyResponseTimeoutMs: data.proxyResponseTimeoutMs,
        recordGeneralizeIds: data.recordGeneralizeIds,
        createdAt: now,
        updatedAt: now,
      };
      assertProxyComplete(p);
      this.store.projects.insert(p);
      this.events.record({ type: 'project.created', payload: { projectId: p.id, slug: p.slug, name: p.name } });
      return p;
    });
    return project;
  }

  update(id: string, input: unknown): Project {
    const data = parseInput(projectUpdateSchema, input);
    const updated = this.store.tx(() => {
      const p = this.require(id);
      if (data.slug !== undefined && data.slug !== p.slug) this.assertSlugFree(data.slug);
      if (data.port != null && data.port !== p.port) this.assertPortFree(data.port);
      const next: Project = {
        ...p,
        name: data.name ?? p.name,
        description: data.description ?? p.description,
        isPublic: data.isPublic ?? p.isPublic,
        templatingSeed: data.templatingSeed === undefined ? p.templatingSeed : data.templatingSeed,
        slug: data.slug ?? p.slug,
        port: data.port === undefined ? p.port : data.port,
        logSecrets: data.logSecrets ?? p.logSecrets,
        chaos: data.chaos === undefined ? p.chaos : data.chaos,
        upstreamUrl: data.upstreamUrl === undefined ? p.upstreamUrl : data.upstreamUrl,
        proxyMode: data.proxyMode ?? p.proxyMode,
        proxyConnectTimeoutMs: data.proxyConnectTimeoutMs ?? p.proxyConnectTimeoutMs,
        proxyResponseTimeoutMs: data.proxyResponseTimeoutMs ?? p.proxyResponseTimeoutMs,
        recordGeneralizeIds: data.recordGeneralizeIds ?? p.recordGeneralizeIds,
        updatedAt: this.clock.now().toISOString(),
      };
      assertProxyComplete(next);
      this.store.projects.update(next);
      this.events.record({ type: 'project.updated', payload: { projectId: id } });
      return next;
    });
    return updated;
  }

  delete(id: string): void {
    this.store.tx(() => {
      this.require(id);
      this.store.projects.delete(id);
      this.events.record({ type: 'project.deleted', payload: { projectId: id } });
    });
    this.store.logs.forgetProject(id);
  }

  /** Deep clone: every mock, every response and every bucket's content (not its current value), with new ids, a `-copy` slug and a ` (Copy)` name. */
  duplicate(id: string): Project {
    const clone = this.store.tx(() => {
      const src = this.require(id);
      const now = this.clock.now().toISOString();
      const p: Project = {
        ...src,
        id: newId(),
        name: `${src.name} (Copy)`,
        slug: this.uniqueSlug(`${src.slug}-copy`),
        port: null,
        createdAt: now,
        updatedAt: now,
      };
      this.store.projects.insert(p);
      const responses = groupByMock(this.store.responses.listByProject(src.id));
      this.store.mocks.listByProject(src.id).forEach((m, i) => {
        const mockId = newId();
        this.store.mocks.insert({ ...m, id: mockId, projectId: p.id, createdAt: now, updatedAt: now }, i);
        for (const r of responses.get(m.id) ?? []) {
          this.store.responses.insert({ ...r, id: newId(), mockId, createdAt: now, updatedAt: now });
        }
      });
      this.store.buckets.listByProject(src.id).forEach((b, i) => {
        this.store.buckets.insert({ ...b, id: newId(), projectId: p.id, createdAt: now, updatedAt: now }, i);
      });
      this.events.record({ type: 'project.created', payload: { projectId: p.id, slug: p.slug, name: p.name } });
      return p;
    });
    return clone;
  }

  /** `base`, or `base-2`, `base-3`… whichever is free. */
  uniqueSlug(base: string): string {
    if (!this.store.projects.slugTaken(base)) return base;
    for (let n = 2; ; n++) {
      const s = `${base}-${n}`;
      if (!this.store.projects.slugTaken(s)) return s;
    }
  }

  private assertSlugFree(slug: string): void {
    if (this.store.projects.slugTaken(slug)) {
      throw new AppError('CONFLICT', `slug "${slug}" is already used by another project`, {
        field: 'slug',
        hint: 'choose another slug',
      });
    }
  }

  private assertPortFree(port: number): void {
    const owner = this.store.projects.getByPort(port);
    if (owner) {
      throw new AppError('CONFLICT', `port ${port} is already assigned to project "${owner.name}"`, {
        field: 'port',
        hint: 'choose another port',
      });
    }
  }
}

/** A proxy mode needs somewhere to proxy to. */
function assertProxyComplete(p: Project): void {
  if (p.proxyMode !== 'off' && p.upstreamUrl === null) {
    throw new AppError('VALIDATION_ERROR', `proxyMode "${p.proxyMode}" needs an upstreamUrl`, {
      field: 'upstreamUrl',
      hint: 'set upstreamUrl (e.g. "https://api.example.com") in the same request, or set proxyMode to "off"',
    });
  }
}

export function groupByMock(responses: readonly MockResponse[]): Map<string, MockResponse[]> {
  const map = new Map<string, MockResponse[]>();
  for (const r of responses) {
    const list = map.get(r.mockId);
    if (list) list.push(r);
    else map.set(r.mockId, [r]);
  }
  return map;
}
