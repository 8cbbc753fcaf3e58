import type { FastifyInstance } from 'fastify';
import { toWireMock, toWireProject } from '../../../../shared/wire/mockbird';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';
import { parseSearch } from './query';
import { toWireProjectStats } from './wire-stats';

type IdParams = { Params: { id: string } };

/** docs/reference/mockbird-api.md §3. */
export function projectRoutes(app: FastifyInstance, { catalog, store, flushCounters }: ManagementDeps): void {
  app.get('/projects', async (req) => {
    const projects = catalog.projects.list(parseSearch(req.query));
    return { data: projects.map((p) => toWireProject(p, { mockCount: p.mockCount })) };
  });

  app.post('/projects', async (req, reply) => {
    const project = catalog.projects.create(bodyOf(req));
    return reply.code(201).send({ data: toWireProject(project, { mockCount: 0 }) });
  });

  app.post('/projects/batch-create', async (req, reply) => {
    const { project, mockCount, responseCount } = catalog.batchCreate(bodyOf(req));
    return reply.code(201).send({
      message: `Project created with ${mockCount} mock${mockCount === 1 ? '' : 's'} and ${responseCount} response${responseCount === 1 ? '' : 's'}`,
      data: toWireProject(project, { mockCount }),
    });
  });

  app.get<IdParams>('/projects/:id', async (req) => {
    const { mocks, ...project } = catalog.projects.get(req.params.id);
    return {
      data: {
        ...toWireProject(project, { mockCount: mocks.length }),
        mocks: mocks.map((m) => toWireMock(m, m.responseCount)),
      },
    };
  });

  app.put<IdParams>('/projects/:id', async (req) => {
    const project = catalog.projects.update(req.params.id, bodyOf(req));
    return { data: toWireProject(project, { mockCount: store.mocks.listByProject(project.id).length }) };
  });

  app.delete<IdParams>('/projects/:id', async (req) => {
    catalog.projects.delete(req.params.id);
    return { message: 'Project deleted' };
  });

  app.get<IdParams>('/projects/:id/stats', async (req) => {
    const project = catalog.projects.require(req.params.id);
    flushCounters();
    return { data: toWireProjectStats(store.logs.projectStats(project.id, store.mocks.listByProject(project.id))) };
  });

  app.post<IdParams>('/projects/:id/duplicate', async (req, reply) => {
    const clone = catalog.projects.duplicate(req.params.id);
    return reply
      .code(201)
      .send({ data: toWireProject(clone, { mockCount: store.mocks.listByProject(clone.id).length }) });
  });

  app.get<IdParams>('/projects/:id/mocks', async (req) => {
    const mocks = catalog.mocks.list(req.params.id);
    return { data: mocks.map((m) => toWireMock(m, m.responseCount)) };
  });

  app.post<IdParams>('/projects/:id/mocks', async (req, reply) => {
    const mock = catalog.mocks.create(req.params.id, bodyOf(req));
    return reply.code(201).send({ data: toWireMock(mock, 0) });
  });
}
