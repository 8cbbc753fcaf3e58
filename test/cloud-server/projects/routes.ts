import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { batchCreateDraft, batchCreateSchema } from '../../../shared/wire/batch-create';
import {
  mockCreateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  responseCreateSchema,
} from '../../../shared/models';
import { PLAN_LIMITS } from '../billing/plans';
import type { ServerContext } from '../context';
import { failDeploymentsOfProject } from '../deployments/lifecycle';
import { CloudError, parseBody, resourceLimit, validationFailed } from '../http/errors';
import { currentOrg, requireAuth } from '../http/principal';
import type { OrgRow } from '../orgs/store';
import { registerMockRoutes } from './mock-routes';
import { insertMock, insertResponse, listMocks } from './mock-repo';
import { countProjects, deleteProject, insertProject, listProjects, requireProject, updateProject } from './repo';
import { registerResponseRoutes } from './response-routes';
import { wireMock, wireProject } from './rows';

/** MockBird §3–5 under /api/v1, scoped to the caller's current organization. */
export function registerProjectRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const scope = (req: FastifyRequest) => {
    const p = requireAuth(req);
    return { principal: p, org: currentOrg(ctx, req, p) };
  };

  const assertProjectQuota = (org: OrgRow): void => {
    const max = PLAN_LIMITS[org.plan].max_projects;
    const used = countProjects(ctx, org.id);
    if (used >= max) {
      throw resourceLimit(`The ${org.plan} plan allows ${max} projects`, {
        limit: 'max_projects',
        max,
        current: used,
        plan: org.plan,
        hint: 'Upgrade the plan or delete a project',
      });
    }
  };

  app.get<{ Querystring: { search?: string } }>('/api/v1/projects', async (req) => {
    const { org } = scope(req);
    const search = typeof req.query.search === 'string' ? req.query.search : undefined;
    return { data: listProjects(ctx, org.id, search).map((p) => wireProject(p, p.mock_count)) };
  });

  app.post('/api/v1/projects', async (req, reply) => {
    const { principal, org } = scope(req);
    const body = parseBody(projectCreateSchema, req.body);
    assertProjectQuota(org);
    const row = insertProject(ctx, org.id, principal.userId, body);
    return reply.code(201).send({ data: wireProject(row, 0) });
  });

  app.post('/api/v1/projects/batch-create', async (req, reply) => {
    const { principal, org } = scope(req);
    const body = parseBody(batchCreateSchema, req.body);
    assertProjectQuota(org);
    const result = ctx.db.tx(() => {
      const project = insertProject(ctx, org.id, principal.userId, {
        name: body.name,
        description: body.description,
        isPublic: body.isPublic,
      });
      let responses = 0;
      // The same mapping of endpoints and scenarios to mocks and responses MockDeck uses.
      batchCreateDraft(body).mocks.forEach(({ responses: scenarios = [], ...fields }, i) => {
        const mock = insertMock(ctx, project.id, at(`endpoints.${i}`, mockCreateSchema, fields));
        scenarios.forEach((s, j) => {
          insertResponse(ctx, mock, at(`endpoints.${i}.scenarios.${j}`, responseCreateSchema, s));
          responses++;
        });
      });
      return { project, mocks: body.endpoints.length, responses };
    });
    return reply.code(201).send({
      data: wireProject(result.project, result.mocks),
      message: `Project created with ${result.mocks} mocks and ${result.responses} responses`,
    });
  });

  app.get<{ Params: { id: string } }>('/api/v1/projects/:id', async (req) => {
    const { org } = scope(req);
    const p = requireProject(ctx, org.id, req.params.id);
    const mocks = listMocks(ctx, p.id);
    return { data: { ...wireProject(p, mocks.length), mocks: mocks.map((m) => wireMock(m, m.response_count)) } };
  });

  app.put<{ Params: { id: string } }>('/api/v1/projects/:id', async (req) => {
    const { org } = scope(req);
    const p = requireProject(ctx, org.id, req.params.id);
    const body = parseBody(projectUpdateSchema, req.body);
    const next = updateProject(ctx, p, body);
    return { data: wireProject(next, listMocks(ctx, p.id).length) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/projects/:id', async (req) => {
    const { org } = scope(req);
    const p = requireProject(ctx, org.id, req.params.id);
    deleteProject(ctx, p.id);
    failDeploymentsOfProject(ctx, p.id);
    return { data: { project_id: p.id, deleted: true } };
  });

  registerMockRoutes(app, ctx, scope);
  registerResponseRoutes(app, ctx, scope);
}

/** Validates one nested batch item, naming where it sits in the payload. */
function at<S extends z.ZodType>(prefix: string, schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const e = validationFailed(r.error);
  const field =
    typeof e.details.field === 'string'
      ? `${prefix}.${e.details.field === 'path' ? 'route' : e.details.field}`
      : prefix;
  throw new CloudError(400, 'VALIDATION_FAILED', `${prefix}: ${e.message}`, { ...e.details, field });
}

export type ScopeFn = (req: FastifyRequest) => { principal: ReturnType<typeof requireAuth>; org: OrgRow };
