/**
 * Which headers cross the proxy (RFC 9110 §7.6.1): hop-by-hop headers describe one
 * connection, so they stop at MockDeck in both directions, as do the ones a request's
 * `Connection` header names. The rest passes as it is, plus what a proxy adds: the
 * upstream's `Host`, `X-Forwarded-For/Proto/Host` and a `Via` that lets MockDeck see its
 * own request come back (a project proxying to itself).
 */

type HeaderValue = string | string[] | undefined;
export type InHeaders = Readonly<Record<string, HeaderValue>>;
export type OutHeaders = Record<string, string | string[]>;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Also dropped from requests: the HTTP client sets these itself (length from the bytes it sends; undici refuses `expect`). */
const CLIENT_SETS = new Set(['host', 'content-length', 'expect']);

export interface ForwardContext {
  /** `host[:port]` of the upstream: the Host it receives. */
  upstreamHost: string;
  /** The client's address, appended to X-Forwarded-For. */
  clientIp: string;
  /** This MockDeck's Via token (`1.1 mockdeck-<id>`). */
  via: string;
  /** Record mode asks for an identity body so the recorded body is text, not gzip. */
  identityBody: boolean;
}

/** Headers named by `Connection: a, b`, lower-cased. */
function connectionListed(headers: InHeaders): Set<string> | null {
  const c = headers.connection;
  if (c === undefined) return null;
  const names = (Array.isArray(c) ? c.join(',') : c).split(',').map((s) => s.trim().toLowerCase());
  return new Set(names.filter((n) => n !== ''));
}

export function requestHeadersFor(headers: InHeaders, ctx: ForwardContext): OutHeaders {
  const listed = connectionListed(headers);
  const out: OutHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || CLIENT_SETS.has(name) || listed?.has(name)) continue;
    out[name] = value;
  }
  out.host = ctx.upstreamHost;
  const forwardedFor = joined(headers['x-forwarded-for']);
  out['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${ctx.clientIp}` : ctx.clientIp;
  // An earlier proxy's answers describe the original client better than this hop's do.
  out['x-forwarded-proto'] = joined(headers['x-forwarded-proto']) || 'http';
  const host = joined(headers['x-forwarded-host']) || joined(headers.host);
  if (host) out['x-forwarded-host'] = host;
  const via = joined(headers.via);
  out.via = via ? `${via}, ${ctx.via}` : ctx.via;
  if (ctx.identityBody) out['accept-encoding'] = 'identity';
  return out;
}

/** True when this request already went through this MockDeck's proxy once. */
export function cameFromSelf(headers: InHeaders, via: string): boolean {
  const v = headers.via;
  return v !== undefined && joined(v).includes(via);
}

/** The upstream's response headers as they go to the client: without hop-by-hop ones. */
export function responseHeadersFor(headers: InHeaders): OutHeaders {
  const listed = connectionListed(headers);
  const out: OutHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || listed?.has(name)) continue;
    out[name] = value;
  }
  return out;
}

function joined(v: HeaderValue): string {
  if (v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : v;
}
