import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AlsoMatched, ChaosApplied, ConditionFailure, FaultKind } from '../../../shared/models';
import {
  CORS_HEADERS,
  executeRequest,
  transportError,
  type Body,
  type ChaosSwitch,
  type EngineResult,
  type ProxiedAnswer,
} from '../engine';
import { toIsoCached, type Clock } from '../util/clock';
import type { LogBatcher } from './log-batcher';
import type { ProjectCache } from './project-cache';
import { carryOutFault } from './faults';
import { loggedBody, MAX_LOGGED_BODY } from './request-log';

export interface ExecutionDeps {
  /** Where compiled projects come from (a federation serves its own compilations: federation-serving.ts). */
  cache: Pick<ProjectCache, 'idForSlug' | 'get'>;
  logs: Pick<LogBatcher, 'push'>;
  clock: Clock;
  random: () => number;
  /** The app's chaos kill switch (chaos-switch.ts). */
  chaos: ChaosSwitch;
}

/** What serving a mock reads of a request, whichever way it came in (fastify, or direct-route.ts). */
export interface MockRequest {
  method: string;
  headers: IncomingHttpHeaders;
  query: Record<string, string | string[]>;
  /** The body's bytes as received; EMPTY_BODY when there is none. */
  body: Buffer;
  ip: string;
}

/** Which project a request targets: by slug under /m/, or fixed for a dedicated port. */
export type Target = { slug: string } | { projectId: string };

type Answer = Pick<EngineResult, 'status' | 'headers' | 'mockId' | 'responseId' | 'conditionFailures'> & {
  body: Body;
  errorCode: string | null;
  /** Responses that matched and lost (absent on the transport's own answers). */
  alsoMatched?: AlsoMatched[];
  /** Chaos's doing, from the engine (absent on the transport's own answers). */
  fault?: FaultKind | null;
  chaos?: ChaosApplied | null;
};

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

const NONE: ConditionFailure[] = [];

/** The body of every request that has none (read-only: zero bytes). */
export const EMPTY_BODY: Buffer = Buffer.alloc(0);
const PREFLIGHT_HEADERS = CORS_HEADERS;

/**
 * Serves one request to a project's mocks (docs/reference/mockbird-api.md §8) on the raw response, and
 * queues its log row. `path` is the request path after the project prefix, without the
 * query string. The engine's response pipeline makes the answer; this writes it. Synchronous
 * unless the answer has a delay or a pipeline stage had to wait: this is the hot path, and an
 * async function would cost every request a promise and a microtask turn.
 */
export function serveMock(
  deps: ExecutionDeps,
  req: MockRequest,
  res: ServerResponse,
  target: Target,
  path: string,
): Promise<void> | undefined {
  const started = performance.now();
  let projectId: string | undefined;
  let answer: Answer;
  let result: EngineResult | undefined;
  const { query, body: rawBody } = req;
  try {
    projectId = 'slug' in target ? deps.cache.idForSlug(target.slug) : target.projectId;
    const compiled = projectId === undefined ? undefined : deps.cache.get(projectId);
    // A preflight unless the project has an OPTIONS mock for this path (docs/routes.md).
    if (req.method === 'OPTIONS' && !(compiled?.routes.hasOptionsMocks && compiled.routes.match('OPTIONS', path))) {
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
      answer = result = executeRequest(
        compiled,
        {
          method: req.method,
          path,
          headers: req.headers,
          query,
          rawBody,
          contentType: req.headers['content-type'],
          client: res,
          ip: req.ip,
          ownPort: !('slug' in target),
        },
        deps,
      );
    }
  } catch (e) {
    answer = internalError(e);
  }
  const exchange: Exchange = { deps, req, res, projectId, answer, path, started };
  if (result?.pending) return finishLater(exchange, result, result.pending);
  if (result !== undefined && result.delayMs > 0) return sleep(result.delayMs).then(() => answerAndLog(exchange));
  answerAndLog(exchange);
  return undefined;
}

/** A stage went asynchronous: answer once it is done (after the delay it may have set), or with INTERNAL_ERROR if it failed. */
function finishLater(exchange: Exchange, result: EngineResult, pending: Promise<void>): Promise<void> {
  return pending.then(
    () => {
      // Only the proxy stage sets `proxied`, and it always waits: synchronous answers never look.
      if (result.proxied !== null) return answerProxied(exchange, result.proxied);
      return result.delayMs > 0 ? sleep(result.delayMs).then(() => answerAndLog(exchange)) : answerAndLog(exchange);
    },
    (e: unknown) => {
      // The route matched: the log still names the mock (and the response, if one was picked).
      exchange.answer = { ...internalError(e), mockId: result.mockId, responseId: result.responseId };
      answerAndLog(exchange);
    },
  );
}

function internalError(e: unknown): Answer {
  const message = e instanceof Error ? e.message : String(e);
  return {
    ...transportError(
      'INTERNAL_ERROR',
      `MockDeck could not serve this request (${message}); re-save the mock or see the app log`,
    ),
    mockId: null,
    responseId: null,
    conditionFailures: NONE,
  };
}

interface Exchange {
  deps: ExecutionDeps;
  req: MockRequest;
  res: ServerResponse;
  projectId: string | undefined;
  answer: Answer;
  path: string;
  started: number;
}

/**
 * Writes what the upstream answered: its status and headers, then its body as it arrives
 * (`stream`), or MockDeck's own 502/504 when it did not answer. If the client goes away, the
 * upstream body is destroyed, which aborts the upstream request; if the upstream fails
 * mid-body, the client's connection is cut (its status line has already gone out).
 * The log keeps the body's first MAX_LOGGED_BODY bytes.
 */
function answerProxied(exchange: Exchange, proxied: ProxiedAnswer): Promise<void> | undefined {
  const { stream } = proxied;
  if (stream === null) {
    answerAndLog(exchange, proxied);
    return undefined;
  }
  const { res, answer } = exchange;
  try {
    res.writeHead(answer.status, proxied.headers);
  } catch (e) {
    stream.destroy();
    const message = e instanceof Error ? e.message : String(e);
    exchange.answer = {
      ...transportError('INTERNAL_ERROR', `the upstream ${proxied.upstream} sent a header Node refuses (${message})`),
      mockId: null,
      responseId: null,
      conditionFailures: NONE,
    };
    answerAndLog(exchange, proxied);
    return undefined;
  }
  const kept: Buffer[] = [];
  let keptBytes = 0;
  stream.on('data', (chunk: Buffer) => {
    if (keptBytes < MAX_LOGGED_BODY) {
      kept.push(chunk);
      keptBytes += chunk.length;
    }
  });
  // pipe() plus the two failures, rather than stream.pipeline(): the same outcome for a
  // fraction of its per-request cost. Whichever side fails first names the failure in the log.
  return new Promise((resolve) => {
    let done = false;
    const finish = (errorCode: string | null): void => {
      if (done) return;
      done = true;
      const body = kept.length === 1 ? kept[0]! : Buffer.concat(kept);
      exchange.answer = { ...answer, body, errorCode };
      logExchange(exchange, proxied);
      resolve();
    };
    stream.once('error', () => {
      res.destroy();
      finish('UPSTREAM_BODY_FAILED');
    });
    res.once('close', () => {
      if (res.writableFinished) return finish(null);
      stream.destroy();
      finish('CLIENT_CLOSED');
    });
    stream.pipe(res);
  });
}

function answerAndLog(exchange: Exchange, proxied: ProxiedAnswer | null = null): void {
  const { res, answer } = exchange;
  exchange.answer = answer.fault ? faulted(res, answer, exchange.deps.random) : writeAnswer(res, answer);
  logExchange(exchange, proxied);
}

function logExchange({ deps, req, projectId, answer, path, started }: Exchange, proxied: ProxiedAnswer | null): void {
  // A request for an unknown project has no project to be logged under.
  if (projectId === undefined) return;
  const now = deps.clock.now();
  const requestBody = loggedBody(req.body);
  deps.logs.push({
    projectId,
    mockId: answer.mockId,
    responseId: answer.responseId,
    path,
    method: req.method,
    headers: req.headers,
    query: req.query,
    requestBody: requestBody.text,
    requestBodyEncoding: requestBody.encoding,
    status: answer.status,
    responseHeaders: answer.headers,
    responseBody: answer.body,
    responseTimeMs: Math.round((performance.now() - started) * 100) / 100,
    ip: req.ip,
    errorCode: answer.errorCode,
    conditionFailures: answer.conditionFailures,
    alsoMatched: answer.alsoMatched,
    chaos: answer.chaos ?? null,
    createdMs: now.getTime(),
    createdAt: toIsoCached(now),
    proxied:
      proxied === null
        ? null
        : { upstream: proxied.upstream, upstreamStatus: proxied.upstreamStatus, upstreamMs: proxied.upstreamMs },
  });
}

/** Breaks the connection as the fault says; the log keeps what the client got (no status but malformed_chunk's, no body). */
function faulted(res: ServerResponse, answer: Answer, random: () => number): Answer {
  const status = carryOutFault(res, answer.fault!, answer.status, random);
  return { ...answer, status, headers: NO_HEADERS, body: '' };
}

/** Statuses that carry no body, so no Content-Length or Content-Type either (RFC 9110 §8.6). */
const bodyless = (status: number): boolean => status === 204 || status === 304 || status < 200;

/**
 * Writes the answer on the raw response and returns what was sent: a header that Node
 * refuses (stored before headers were validated on save) becomes an INTERNAL_ERROR that
 * names it, instead of a dropped connection.
 */
function writeAnswer(res: ServerResponse, answer: Answer): Answer {
  try {
    if (bodyless(answer.status)) {
      const { 'content-type': _type, 'content-length': _length, ...headers } = answer.headers;
      res.writeHead(answer.status, headers);
      res.end();
    } else {
      const body = answer.body;
      res.writeHead(answer.status, {
        ...answer.headers,
        'content-length': typeof body === 'string' ? byteLength(body) : String(body.length),
      });
      res.end(body);
    }
    return answer;
  } catch (e) {
    if (res.headersSent) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const failed: Answer = {
      ...transportError(
        'INTERNAL_ERROR',
        `a response header of this mock cannot be sent (${message}): fix the header's name or value in MockDeck`,
      ),
      mockId: answer.mockId,
      responseId: answer.responseId,
      conditionFailures: answer.conditionFailures,
    };
    return writeAnswer(res, failed); // §8's error headers are always valid
  }
}

// The same text body is usually served again and again: measure it once.
let lastBody = '';
let lastLength = '0';
function byteLength(body: string): string {
  if (body !== lastBody) {
    lastBody = body;
    lastLength = String(Buffer.byteLength(body));
  }
  return lastLength;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The path part of a raw URL after `prefixLength` characters ("/" when nothing is left). */
export function pathAfter(url: string, prefixLength: number): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url.slice(prefixLength) : url.slice(prefixLength, q);
  return path === '' ? '/' : path;
}

/** Where the slug of a raw "/m/<slug>…" URL ends: at the next "/", else at the query string, else the end. */
export function slugEnd(url: string): number {
  const slash = url.indexOf('/', 3);
  const q = url.indexOf('?');
  if (slash >= 0 && (q < 0 || slash < q)) return slash;
  return q < 0 ? url.length : q;
}

/** The path after "/m/<slug>" in a raw URL, measured on the raw text (the slug may be percent-encoded). */
export function pathAfterSlug(url: string): string {
  const end = slugEnd(url);
  return url[end] === '/' ? pathAfter(url, end) : '/';
}
