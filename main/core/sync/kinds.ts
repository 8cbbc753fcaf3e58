import type { Catalog } from '../catalog/catalog';
import { SLUG_PATTERN, slugify } from '../../../shared/models';
import type { RemoteProject } from '../../../shared/wire/mockbird';
import { AppError } from '../util/errors';
import {
  mockContent,
  projectContent,
  remoteMockContent,
  remoteProjectContent,
  remoteResponseContent,
  responseContent,
  type ProjectContent,
  type ResponseContent,
  type SyncMockContent,
} from './content';
import type { Item, KindOps, Pair } from './reconcile';
import type { RemoteProjects } from './remote';

/** A cloud copy's mocks with their responses, as kept with a project conflict. */
export interface MockSnapshot {
  content: SyncMockContent;
  responses: ResponseContent[];
}

/** Deleting what is already gone is success: a retried DELETE must not fail the sync. */
async function gone(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
  }
}

export const remoteProjectItems = (list: RemoteProject[]): Item<ProjectContent>[] =>
  list.map((p) => ({ id: p.project_id, content: remoteProjectContent(p) }));

export async function remoteMockSnapshots(api: RemoteProjects, remoteProjectId: string): Promise<MockSnapshot[]> {
  const out: MockSnapshot[] = [];
  for (const m of await api.listMocks(remoteProjectId)) {
    out.push({
      content: remoteMockContent(m),
      responses: (await api.listResponses(m.mock_id)).map(remoteResponseContent),
    });
  }
  return out;
}

export function projectOps(
  api: RemoteProjects,
  catalog: Catalog,
  remoteSlugs: Map<string, string>,
): KindOps<ProjectContent> {
  return {
    kind: 'project',
    listRemote: async () => remoteProjectItems(await api.listProjects()),
    async createRemote(c, localId) {
      const slug = catalog.store.projects.get(localId)?.slug;
      try {
        return (await api.createProject(slug ? { ...c, slug } : c)).project_id;
      } catch (e) {
        // The slug is taken in the cloud by a project this machine does not track: let the cloud pick one.
        if (e instanceof AppError && e.code === 'CONFLICT' && slug) return (await api.createProject(c)).project_id;
        throw e;
      }
    },
    updateRemote: async (id, c) => void (await api.updateProject(id, c)),
    deleteRemote: (id) => gone(api.deleteProject(id)),
    createLocal(c, remoteId) {
      const wanted = remoteSlugs.get(remoteId);
      const base = wanted && SLUG_PATTERN.test(wanted) ? wanted : slugify(c.name);
      return catalog.projects.create({ ...c, slug: catalog.projects.uniqueSlug(base) }).id;
    },
    updateLocal: (id, c) => void catalog.projects.update(id, c),
    deleteLocal: (id) => catalog.projects.delete(id),
    remoteChildren: (remoteId) => remoteMockSnapshots(api, remoteId),
    sameIdentity: (localId, remoteId) => catalog.store.projects.get(localId)?.slug === remoteSlugs.get(remoteId),
  };
}

export const localMockItems = (catalog: Catalog, projectId: string): Item<SyncMockContent>[] =>
  catalog.store.mocks.listByProject(projectId).map((m) => ({ id: m.id, content: mockContent(m) }));

export function mockOps(api: RemoteProjects, catalog: Catalog, project: Pair): KindOps<SyncMockContent> {
  return {
    kind: 'mock',
    listRemote: async () =>
      (await api.listMocks(project.remoteId)).map((m) => ({ id: m.mock_id, content: remoteMockContent(m) })),
    createRemote: async (c) => (await api.createMock(project.remoteId, c)).mock_id,
    updateRemote: async (id, c) => void (await api.updateMock(id, c)),
    deleteRemote: (id) => gone(api.deleteMock(id)),
    createLocal: (c) => catalog.mocks.create(project.localId, c).id,
    updateLocal: (id, c) => void catalog.mocks.update(id, c),
    deleteLocal: (id) => catalog.mocks.delete(id),
    remoteChildren: async (remoteId) => (await api.listResponses(remoteId)).map(remoteResponseContent),
  };
}

export const localResponseItems = (catalog: Catalog, mockId: string): Item<ResponseContent>[] =>
  catalog.store.responses.listByMock(mockId).map((r) => ({ id: r.id, content: responseContent(r) }));

export function responseOps(api: RemoteProjects, catalog: Catalog, mock: Pair): KindOps<ResponseContent> {
  return {
    kind: 'response',
    listRemote: async () =>
      (await api.listResponses(mock.remoteId)).map((r) => ({ id: r.response_id, content: remoteResponseContent(r) })),
    createRemote: async (c) => (await api.createResponse(mock.remoteId, c)).response_id,
    updateRemote: async (id, c) => void (await api.updateResponse(mock.remoteId, id, c)),
    deleteRemote: (id) => gone(api.deleteResponse(mock.remoteId, id)),
    createLocal: (c) => catalog.responses.create(mock.localId, c).id,
    updateLocal: (id, c) => void catalog.responses.update(mock.localId, id, c),
    deleteLocal: (id) => catalog.responses.delete(mock.localId, id),
  };
}

export const localProjectItems = (catalog: Catalog): Item<ProjectContent>[] =>
  catalog.projects.list().map((p) => ({ id: p.id, content: projectContent(p) }));
