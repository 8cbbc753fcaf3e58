import { EventEmitter } from 'node:events';
import type { Dispatcher } from 'undici';
import type { Project } from '../../../shared/models';
import { answerError, type Exchange, type ResponseStage, type StageStep } from '../engine';
import { cameFromSelf, requestHeadersFor, responseHeadersFor } from './forward-headers';
import type { Recorder } from './recorder';
import type { Upstreams } from './upstreams';

export interface ProxyStageDeps {
  upstreams: Upstreams;
  recorder: Recorder;
  /** This MockDeck's Via token: a request carrying it came back through its own proxy. */
  via: string;
}

/** Where a project's unmatched requests go, parsed once per compilation. */
interface Target {
  origin: string;
  /** The upstream URL's path without its trailing slash ('' for the root). */
  basePath: string;
  host: string;
  /** The upstream URL as users wrote it, for messages and logs. */
  url: string;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  record: boolean;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The proxy (docs/proxy.md): a request no mock matches goes to the project's upstream, in
 * passthrough and record mode; it sits right before 'fallback' and has a step only for
 * unmatched requests of a project whose proxy is on, so mocks never pay for it. The
 * upstream's status and headers come back once they arrive (the step's promise), its body
 * is streamed by the transport (ProxiedAnswer.stream). Down: 502; too slow: 504; always
 * JSON naming the upstream and the error.
 */
export function proxyStage(deps: ProxyStageDeps): ResponseStage {
  return {
    name: 'proxy',
    forUnmatched(project) {
      const target = targetOf(project);
      if (target === null) return undefined;
      const step: StageStep = (x) => {
        if (x.status !== 0) return undefined;
        return forward(x, target, deps);
      };
      return step;
    },
  };
}

function targetOf(p: Project): Target | null {
  if (p.proxyMode === 'off' || p.upstreamUrl === null) return null;
  const url = new URL(p.upstreamUrl);
  return {
    origin: url.origin,
    basePath: url.pathname.replace(/\/+$/, ''),
    host: url.host,
    url: p.upstreamUrl,
    connectTimeoutMs: p.proxyConnectTimeoutMs,
    responseTimeoutMs: p.proxyResponseTimeoutMs,
    record: p.proxyMode === 'record',
  };
}

function forward(x: Exchange, t: Target, deps: ProxyStageDeps): Promise<void> | undefined {
  const { req } = x;
  if (cameFromSelf(req.headers, deps.via)) {
    answerError(
      x,
      'PROXY_LOOP',
      upstreamError(
        'PROXY_LOOP',
        t.url,
        `the upstream ${t.url} sent this request back to this MockDeck: point upstreamUrl at the real server, not at MockDeck itself`,
      ),
    );
    return undefined;
  }
  const path = t.basePath + req.path + queryOf(x);
  const upstreamUrl = t.origin + t.basePath + req.path;
  // The client going away aborts the upstream request, before its answer or during its body.
  // undici takes an EventEmitter as the signal: far cheaper per request than an AbortController.
  const abort = new EventEmitter();
  const client = req.client;
  client?.once('close', () => {
    if (!client.writableFinished) abort.emit('abort');
  });
  const started = performance.now();
  const options: Dispatcher.RequestOptions = {
    origin: t.origin,
    path,
    method: x.method as Dispatcher.HttpMethod,
    headers: requestHeadersFor(req.headers, {
      upstreamHost: t.host,
      clientIp: clientIpOf(x),
      via: deps.via,
      identityBody: t.record,
    }),
    body: req.rawBody.length > 0 ? req.rawBody : null,
    signal: abort,
    headersTimeout: t.responseTimeoutMs,
    bodyTimeout: t.responseTimeoutMs,
  };
  let dispatcher: Dispatcher;
  try {
    dispatcher = deps.upstreams.agent(t.connectTimeoutMs);
  } catch (e) {
    failed(x, t, upstreamUrl, 0, e);
    return undefined;
  }
  return dispatcher.request(options).then(
    (res) => {
      const headers = responseHeadersFor(res.headers);
      x.status = res.statusCode;
      // As sent: a repeated upstream header (two Set-Cookie) stays a list, so the log shows each line.
      x.headers = headers;
      x.body = '';
      x.proxied = {
        upstream: upstreamUrl,
        upstreamStatus: res.statusCode,
        upstreamMs: elapsed(started),
        headers,
        stream: res.body,
      };
      if (t.record) {
        deps.recorder.observe({
          project: x.project,
          method: x.method,
          path: req.path,
          upstream: t.url,
          status: res.statusCode,
          headers,
          requestHeaders: req.headers,
          body: res.body,
        });
      }
    },
    (e: unknown) => failed(x, t, upstreamUrl, elapsed(started), e),
  );
}

/** The upstream did not answer: 504 when it was too slow, 502 otherwise, naming it and the error. */
function failed(x: Exchange, t: Target, upstreamUrl: string, ms: number, e: unknown): void {
  const code = errorCodeOf(e);
  const slow = code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT';
  const why =
    code === 'UND_ERR_CONNECT_TIMEOUT'
      ? `connecting took longer than ${t.connectTimeoutMs} ms (proxyConnectTimeoutMs)`
      : code === 'UND_ERR_HEADERS_TIMEOUT'
        ? `it did not answer within ${t.responseTimeoutMs} ms (proxyResponseTimeoutMs)`
        : describe(e);
  const error = slow ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
  answerError(
    x,
    error,
    upstreamError(
      error,
      t.url,
      `the upstream ${t.url} ${slow ? 'was too slow' : 'could not be reached'}: ${why}; check that it is running, or change the project's upstream URL`,
    ),
  );
  x.proxied = { upstream: upstreamUrl, upstreamStatus: null, upstreamMs: ms, headers: NO_HEADERS, stream: null };
}

function upstreamError(error: string, upstream: string, message: string): string {
  return JSON.stringify({ error, message, upstream });
}

function errorCodeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // Node wraps the socket's error (ECONNREFUSED…) as the cause of undici's.
  const cause = (e as { cause?: unknown }).cause;
  const code = errorCodeOf(e) ?? errorCodeOf(cause);
  const message = cause instanceof Error && cause.message ? cause.message : e.message;
  return code && !message.includes(code) ? `${code} ${message}` : message;
}

/** The raw query string as the client sent it ("?a=1"), or one rebuilt from the parsed query. */
function queryOf(x: Exchange): string {
  const url = x.req.client?.req.url;
  if (url !== undefined) {
    const q = url.indexOf('?');
    return q < 0 ? '' : url.slice(q);
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(x.req.query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

function clientIpOf(x: Exchange): string {
  return x.req.client?.req.socket?.remoteAddress ?? '127.0.0.1';
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;
