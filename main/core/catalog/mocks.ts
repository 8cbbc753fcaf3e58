import {
  mockCreateSchema,
  mockUpdateSchema,
  normalizeMockPath,
  routePrefix,
  shadowedBy,
  shadowWarnings,
  type Mock,
  type MockWritten,
  type MockSummary,
  type MockWithResponses,
} from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { notFound, parseInput } from '../util/errors';
import { newId } from '../util/ids';
import type { CatalogEvents } from './events';
import type { ProjectService } from './projects';

export { normalizeMockPath };

export class MockService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
    private readonly projects: ProjectService,
  ) {}

  list(projectId: string): MockSummary[] {
    this.projects.require(projectId);
    const counters = this.store.logs.mockCounters(projectId);
    const mocks = this.store.mocks.listByProject(projectId);
    const shadows = shadowedBy(mocks);
    return mocks.map((m) => {
      const c = counters.get(m.id);
      return {
        ...m,
        hits: c?.totalRequests ?? 0,
        lastRequestAt: c?.lastRequestAt ?? null,
        shadowedBy: shadows.get(m.id) ?? null,
      };
    });
  }

  get(id: string): MockWithResponses {
    const m = this.require(id);
    return { ...m, responses: this.store.responses.listByMock(id) };
  }

  require(id: string): Mock {
    const m = this.store.mocks.get(id);
    if (!m) throw notFound('Mock', id);
    return m;
  }

  /**
   * The shadowing a write left on `mockId`'s route (docs/routes.md): a warning, never a
   * refusal, since two mocks on one route are how users switch between variants.
   */
  withWarnings(m: Mock): MockWritten {
    const neighbours = this.store.mocks.listByPathPrefix(m.projectId, routePrefix(m.path));
    const warnings = shadowWarnings(neighbours, new Set([m.id]));
    return warnings.length > 0 ? { ...m, warnings } : m;
  }

  create(projectId: string, input: unknown): MockWritten {
    const data = parseInput(mockCreateSchema, input);
    const mock = this.store.tx(() => {
      this.projects.require(projectId);
      const now = this.clock.now().toISOString();
      const m: Mock = {
        id: newId(),
        projectId,
        ...data,
        chaos: null,
        path: normalizeMockPath(data.path),
        createdAt: now,
        updatedAt: now,
      };
      this.store.mocks.insert(m, this.store.mocks.nextSortOrder(projectId));
      this.store.projects.touch(projectId, now);
      this.events.record({ type: 'mock.created', payload: { projectId, mockId: m.id } });
      return m;
    });
    return this.withWarnings(mock);
  }

  update(id: string, input: unknown): MockWritten {
    const data = parseInput(mockUpdateSchema, input);
    const next = this.store.tx(() => {
      const m = this.require(id);
      const now = this.clock.now().toISOString();
      const updated: Mock = {
        ...m,
        ...stripUndefined(data),
        path: data.path !== undefined ? normalizeMockPath(data.path) : m.path,
        updatedAt: now,
      };
      this.store.mocks.update(updated);
      this.store.projects.touch(m.projectId, now);
      this.events.record({ type: 'mock.updated', payload: { projectId: m.projectId, mockId: id } });
      return updated;
    });
    return data.path !== undefined || data.method !== undefined || data.isActive === true
      ? this.withWarnings(next)
      : next;
  }

  delete(id: string): void {
    this.store.tx(() => {
      const m = this.require(id);
      this.store.mocks.delete(id);
      this.store.projects.touch(m.projectId, this.clock.now().toISOString());
      this.events.record({ type: 'mock.deleted', payload: { projectId: m.projectId, mockId: id } });
    });
    this.store.logs.forgetMock(id);
  }

  /** Clones the mock with all its responses into the same project, named "… (Copy)". */
  duplicate(id: string): MockWritten {
    const clone = this.store.tx(() => {
      const src = this.require(id);
      const now = this.clock.now().toISOString();
      const m: Mock = { ...src, id: newId(), name: `${src.name} (Copy)`, createdAt: now, updatedAt: now };
      this.store.mocks.insert(m, this.store.mocks.nextSortOrder(src.projectId));
      for (const r of this.store.responses.listByMock(src.id)) {
        this.store.responses.insert({ ...r, id: newId(), mockId: m.id, createdAt: now, updatedAt: now });
      }
      this.store.projects.touch(src.projectId, now);
      this.events.record({ type: 'mock.created', payload: { projectId: m.projectId, mockId: m.id } });
      return m;
    });
    return this.withWarnings(clone);
  }
}

export function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
