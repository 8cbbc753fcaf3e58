import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConditionFailure } from '../../../shared/models';
import { CORS_HEADERS, executeRequest, transportError, type EngineResult } from '../engine';
import type { Clock } from '../util/clock';
import type { LogBatcher } from './log-batcher';
import type { ProjectCache } from './project-cache';
import { toRequestLog } from './request-log';

export interface ExecutionDeps {
  cache: ProjectCache;
  logs: LogBatcher;
  clock: Clock;
  random: () => number;
}

/** Which project a request targets: by slug under /m/, or fixed for a dedicated port. */
export type Target = { slug: string } | { projectId: string };

type Answer = Pick<EngineResult, 'status' | 'headers' | 'body' | 'mockId' | 'responseId' | 'conditionFailures'> & {
  errorCode: string | null;
};

const NONE: ConditionFailure[] = [];
const PREFLIGHT_HEADERS = CORS_HEADERS;

/**
 * Serves one request to a project's mocks (mockbird-api.md §8) and queues its log row.
 * `path` is the request path after the project prefix, without the query string.
 */
export async function serveMock(
  deps: ExecutionDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  target: Target,
  path: string,
): Promise<void> {
  const started = performance.now();
  let projectId: string | undefined;
  let answer: Answer;
  const rawBody = typeof req.body === 'string' ? req.body : '';
  const query = req.query as Record<string, string | string[]>;
  try {
    projectId = 'slug' in target ? deps.cache.idForSlug(target.slug) : target.projectId;
    const compiled = projectId === undefined ? undefined : deps.cache.get(projectId);
    if (req.method === 'OPTIONS') {
      answer = {
        status: 204,
        headers: PREFLIGHT_HEADERS,
        body: '',
        mockId: null,
        responseId: null,
        errorCode: null,
        conditionFailures: NONE,
      };
    } else if (!compiled) {
      projectId = undefined;
      const where = 'slug' in target ? `the slug "${target.slug}"` : 'this port';
      answer = {
        ...transportError(
          'PROJECT_NOT_FOUND',
          `no project has ${where}: check the URL (/m/<project-slug>/<path>) and the project's slug in MockDeck`,
        ),
        mockId: null,
        responseId: null,
        conditionFailures: NONE,
      };
    } else {
      const result = executeRequest(
        compiled,
        { method: req.method, path, headers: req.headers, query, rawBody, contentType: req.headers['content-type'] },
        deps,
      );
      if (result.delayMs > 0) await sleep(result.delayMs);
      answer = result;
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    answer = {
      ...transportError(
        'INTERNAL_ERROR',
        `MockDeck could not serve this request (${message}); re-save the mock or see the app log`,
      ),
      mockId: null,
      responseId: null,
      conditionFailures: NONE,
    };
  }
  reply.code(answer.status).headers(answer.headers).send(answer.body);
  // A request for an unknown project has no project to be logged under.
  if (projectId === undefined) return;
  deps.logs.push(
    toRequestLog({
      projectId,
      mockId: answer.mockId,
      responseId: answer.responseId,
      path,
      method: req.method,
      headers: req.headers,
      query,
      requestBody: rawBody,
      status: answer.status,
      responseHeaders: answer.headers,
      responseBody: answer.body,
      responseTimeMs: performance.now() - started,
      ip: req.ip,
      errorCode: answer.errorCode,
      conditionFailures: answer.conditionFailures,
      createdAt: deps.clock.now().toISOString(),
    }),
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The path part of a raw URL after `prefixLength` characters ("/" when nothing is left). */
export function pathAfter(url: string, prefixLength: number): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url.slice(prefixLength) : url.slice(prefixLength, q);
  return path === '' ? '/' : path;
}

/** The path after "/m/<slug>" in a raw URL, measured on the raw text (the slug may be percent-encoded). */
export function pathAfterSlug(url: string): string {
  const slash = url.indexOf('/', 3);
  const q = url.indexOf('?');
  if (slash < 0 || (q >= 0 && slash > q)) return '/';
  return pathAfter(url, slash);
}
