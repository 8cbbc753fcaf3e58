import type { FastifyInstance } from 'fastify';
import {
  mockCreateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  scenarioResetSchema,
} from '../../../../shared/models';
import { toWireMock, toWireProject } from '../../../../shared/wire/mockbird';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';
import { warningsOf } from './mock-routes';
import { parseSearch } from './query';
import { toWireProjectStats } from './wire-stats';

type IdParams = { Params: { id: string } };

/**
 * docs/reference/mockbird-api.md §3. Bodies are parsed here with the models' schemas, so a bad field is
 * named as the wire names it ("name"), not as the call's input does ("patch.name").
 */
export function projectRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  const mockCount = async (req: Parameters<typeof call>[0], id: string): Promise<number> =>
    (await call(req, 'projects.get', { id })).mocks.length;

  app.get('/projects', async (req) => {
    const search = parseSearch(req.query);
    const projects = await call(req, 'projects.list', search === undefined ? {} : { search });
    return { data: projects.map((p) => toWireProject(p, { mockCount: p.mockCount })) };
  });

  app.post('/projects', async (req, reply) => {
    const project = await call(req, 'projects.create', parseInput(projectCreateSchema, bodyOf(req)));
    return reply.code(201).send({ data: toWireProject(project, { mockCount: 0 }) });
  });

  app.post('/projects/batch-create', async (req, reply) => {
    const body = bodyOf(req) as Record<string, unknown>;
    const { project, mockCount, responseCount } = await call(req, 'projects.batchCreate', body);
    return reply.code(201).send({
      message: `Project created with ${mockCount} mock${mockCount === 1 ? '' : 's'} and ${responseCount} response${responseCount === 1 ? '' : 's'}`,
      data: toWireProject(project, { mockCount }),
    });
  });

  app.get<IdParams>('/projects/:id', async (req) => {
    const { mocks, ...project } = await call(req, 'projects.get', { id: req.params.id });
    return {
      data: {
        ...toWireProject(project, { mockCount: mocks.length }),
        mocks: mocks.map((m) => toWireMock(m, m.responseCount)),
      },
    };
  });

  app.put<IdParams>('/projects/:id', async (req) => {
    const patch = parseInput(projectUpdateSchema, bodyOf(req));
    const project = await call(req, 'projects.update', { id: req.params.id, patch });
    return { data: toWireProject(project, { mockCount: await mockCount(req, project.id) }) };
  });

  app.delete<IdParams>('/projects/:id', async (req) => {
    await call(req, 'projects.delete', { id: req.params.id });
    return { message: 'Project deleted' };
  });

  app.get<IdParams>('/projects/:id/stats', async (req) => {
    return { data: toWireProjectStats(await call(req, 'stats.project', { projectId: req.params.id })) };
  });

  // MockDeck's: scenario states (docs/rules.md); GET lists them, POST …/reset puts them back in 'Started'.
  app.get<IdParams>('/projects/:id/scenarios', async (req) => {
    return { data: await call(req, 'scenarios.list', { projectId: req.params.id }) };
  });

  app.post<IdParams>('/projects/:id/scenarios/reset', async (req) => {
    const body = parseInput(scenarioResetSchema, bodyOf(req) ?? {});
    return { data: await call(req, 'scenarios.reset', { projectId: req.params.id, ...body }) };
  });

  app.post<IdParams>('/projects/:id/duplicate', async (req, reply) => {
    const clone = await call(req, 'projects.duplicate', { id: req.params.id });
    return reply.code(201).send({ data: toWireProject(clone, { mockCount: await mockCount(req, clone.id) }) });
  });

  app.get<IdParams>('/projects/:id/mocks', async (req) => {
    const mocks = await call(req, 'mocks.list', { projectId: req.params.id });
    return { data: mocks.map((m) => toWireMock(m, m.responseCount)) };
  });

  app.post<IdParams>('/projects/:id/mocks', async (req, reply) => {
    const mock = await call(req, 'mocks.create', {
      projectId: req.params.id,
      mock: parseInput(mockCreateSchema, bodyOf(req)),
    });
    return reply.code(201).send({ data: toWireMock(mock, 0), ...warningsOf(mock) });
  });
}
