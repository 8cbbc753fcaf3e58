import type { ServerResponse } from 'node:http';
import {
  DEFAULT_FEDERATION_CHAOS,
  routeFederation,
  type Federation,
  type FederationLog,
  type FederationService,
  type Mock,
  type Project,
  type RealityLevel,
} from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { compileProject, ERROR_HEADERS, type CompiledProject, type Pipeline } from '../engine';
import type { Store } from '../store/store';
import { toIsoCached } from '../util/clock';
import { serveMock, type ExecutionDeps, type MockRequest } from './execution';
import type { ProjectCache } from './project-cache';
import { loggedBody } from './request-log';

/** What serving needs of the federation definitions (main/core/federation). */
export interface FederationLookup {
  byName(name: string): Federation | undefined;
  onChange(listener: () => void): () => void;
}

/**
 * Serves `/f/<federation-name>/<path>` (docs/federation.md): the longest matching base path
 * picks the service, and its project answers at the service's reality level through the
 * same execution as /m/ (serveMock), with a compilation of the project made for that level:
 *   - mock_v3: the project's mocks, no proxy, no chaos;
 *   - real: no mocks and the proxy in passthrough, so every request goes upstream;
 *   - blended: the mocks, and the proxy in passthrough for what no mock matches;
 *   - chaos_driven: the mocks with the project's chaos setting, or DEFAULT_FEDERATION_CHAOS.
 * It is a route of its own (fastify, not the direct route), so /m/ requests pay nothing for it.
 * Each log row names the federation, the service and the level.
 */
export class FederationServing {
  private readonly variants = new Map<string, CompiledProject | Error>();
  private readonly byName = new Map<string, Federation | null>();
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly store: Store,
    catalog: Catalog,
    private readonly cache: ProjectCache,
    private readonly pipeline: Pipeline,
    private readonly federations: FederationLookup,
  ) {
    this.unsubscribe = [
      catalog.events.on((c) => {
        if (c.kind === 'bucket') return;
        for (const level of LEVELS) this.variants.delete(key(c.projectId, level));
      }),
      federations.onChange(() => this.byName.clear()),
    ];
  }

  serve(
    exec: ExecutionDeps,
    req: MockRequest,
    res: ServerResponse,
    name: string,
    path: string,
  ): Promise<void> | undefined {
    const federation = this.lookup(name);
    if (federation === undefined) {
      return writeError(
        res,
        404,
        'FEDERATION_NOT_FOUND',
        `no federation is named "${name}": check the URL (/f/<federation-name>/<path>) and the federation's name in MockDeck`,
      );
    }
    const route = routeFederation(federation.services, path);
    const service = route && federation.services.find((s) => s.name === route.service.name);
    if (!route || !service) {
      const paths = federation.services.map((s) => s.base_path).join(', ') || 'none';
      return writeError(
        res,
        404,
        'NO_FEDERATED_SERVICE',
        `no service of federation "${federation.name}" has a base path matching "${path}" (base paths: ${paths})`,
      );
    }
    const project = this.store.projects.get(service.workspace_id);
    if (!project) {
      return writeError(
        res,
        502,
        'PROJECT_NOT_FOUND',
        `service "${service.name}" of federation "${federation.name}" is served by project "${service.workspace_id}", which no longer exists: edit the federation and pick a project`,
      );
    }
    const tag: FederationLog = {
      id: federation.id,
      name: federation.name,
      service: service.name,
      realityLevel: service.reality_level,
    };
    const logs: ExecutionDeps['logs'] = { push: (x) => exec.logs.push({ ...x, federation: tag }) };
    if (service.reality_level === 'real' && project.upstreamUrl === null) {
      const message = `service "${service.name}" is at reality level real, but project "${project.name}" has no upstream URL: set one in the project's proxy settings, or choose another reality level`;
      writeError(res, 502, 'NO_UPSTREAM', message);
      logDirect(exec, logs, req, project.id, route.service_path, 502, 'NO_UPSTREAM', message);
      return undefined;
    }
    const compiled = this.variant(project, service);
    const deps: ExecutionDeps = {
      ...exec,
      logs,
      cache: {
        idForSlug: () => undefined,
        get: () => {
          if (compiled instanceof Error) throw compiled;
          return compiled;
        },
      },
    };
    return serveMock(deps, req, res, { projectId: project.id }, route.service_path);
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.variants.clear();
  }

  private lookup(name: string): Federation | undefined {
    let f = this.byName.get(name);
    if (f === undefined) {
      f = this.federations.byName(name) ?? null;
      // Names that match nothing are not kept: a flood of random names must not grow the map.
      if (f !== null) this.byName.set(name, f);
    }
    return f ?? undefined;
  }

  private variant(project: Project, service: FederationService): CompiledProject | Error {
    const k = key(project.id, service.reality_level);
    let c = this.variants.get(k);
    if (c === undefined) {
      try {
        const { project: p, mocks } = atLevel(
          project,
          this.store.mocks.listByProject(project.id),
          service.reality_level,
        );
        c = compileProject(
          {
            project: p,
            mocks,
            responses: this.store.responses.listByProject(project.id),
            runtime: this.cache.runtimeFor(project.id),
          },
          undefined,
          this.pipeline,
        );
      } catch (e) {
        c = e instanceof Error ? e : new Error(String(e));
      }
      this.variants.set(k, c);
    }
    return c;
  }
}

const LEVELS: readonly RealityLevel[] = ['real', 'mock_v3', 'blended', 'chaos_driven'];
const key = (projectId: string, level: RealityLevel): string => `${projectId}\u0000${level}`;

/** The project and mocks as a reality level serves them (see FederationServing). */
export function atLevel(project: Project, mocks: Mock[], level: RealityLevel): { project: Project; mocks: Mock[] } {
  const calm = (ms: Mock[]): Mock[] => ms.map((m) => (m.chaos === null ? m : { ...m, chaos: null }));
  switch (level) {
    case 'mock_v3':
      return { project: { ...project, proxyMode: 'off', chaos: null }, mocks: calm(mocks) };
    case 'real':
      return { project: { ...project, proxyMode: 'passthrough', chaos: null }, mocks: [] };
    case 'blended':
      return {
        project: { ...project, proxyMode: project.upstreamUrl === null ? 'off' : 'passthrough', chaos: null },
        mocks: calm(mocks),
      };
    case 'chaos_driven':
      return { project: { ...project, proxyMode: 'off', chaos: project.chaos ?? DEFAULT_FEDERATION_CHAOS }, mocks };
  }
}

function writeError(res: ServerResponse, status: number, error: string, message: string): undefined {
  const body = JSON.stringify({ error, message });
  res.writeHead(status, { ...ERROR_HEADERS, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
  return undefined;
}

/** Logs an answer the federation gave itself (no mock, no upstream), under the service's project. */
function logDirect(
  exec: ExecutionDeps,
  logs: ExecutionDeps['logs'],
  req: MockRequest,
  projectId: string,
  path: string,
  status: number,
  errorCode: string,
  message: string,
): void {
  const now = exec.clock.now();
  const body = loggedBody(req.body);
  logs.push({
    projectId,
    mockId: null,
    responseId: null,
    path,
    method: req.method,
    headers: req.headers,
    query: req.query,
    requestBody: body.text,
    requestBodyEncoding: body.encoding,
    status,
    responseHeaders: ERROR_HEADERS,
    responseBody: JSON.stringify({ error: errorCode, message }),
    responseTimeMs: 0,
    ip: req.ip,
    errorCode,
    conditionFailures: [],
    createdMs: now.getTime(),
    createdAt: toIsoCached(now),
    proxied: null,
  });
}
