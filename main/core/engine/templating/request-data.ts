import { isUtf8 } from 'node:buffer';
import { bodyText, parseBody } from '../body';
import type { EngineRequest, ParsedBody } from '../types';
import type { RenderScope } from './scope';

const RAW: ParsedBody = Object.freeze({ kind: 'raw' });

/**
 * The request body as Mockoon's templates see it (its request.body): a JSON body parsed, a
 * form body as an object (a repeated field as an array of its values), any other text as
 * the text itself, and undefined when there is none. Parsed once per request, sharing the
 * parse with body conditions (the exchange's memo).
 */
export function templateBody(s: RenderScope): unknown {
  if (s.body) return s.body.value;
  const view = s.view;
  const parsed = (view.parsed ??= isUtf8(view.req.rawBody)
    ? parseBody(bodyText(view), view.req.contentType ?? firstHeader(view.req, 'content-type'))
    : RAW);
  let value: unknown;
  if (parsed.kind === 'json') value = parsed.value;
  else if (parsed.kind === 'form') value = formObject(parsed.value);
  else value = bodyText(view) || undefined;
  s.body = { value };
  return value;
}

/** The body as text (`{{body}}` without a path). */
export const templateBodyText = (s: RenderScope): string => bodyText(s.view);

function formObject(form: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of form) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** One header's value (names are case-insensitive); repeated values joined as Node joins them. */
export function firstHeader(req: EngineRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  let v = Object.hasOwn(req.headers, lower) ? req.headers[lower] : undefined;
  // Express's req.get() reads Referrer and Referer as one header.
  if (v === undefined && (lower === 'referer' || lower === 'referrer')) {
    v = req.headers[lower === 'referer' ? 'referrer' : 'referer'];
  }
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The request's cookies (the Cookie header, as cookie-parser reads it: first value of a name wins). */
export function cookies(req: EngineRequest): Map<string, string> {
  const out = new Map<string, string>();
  const header = firstHeader(req, 'cookie');
  if (!header) return out;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name === '' || out.has(name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.set(name, decode(value));
  }
  return out;
}

function decode(v: string): string {
  if (!v.includes('%')) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** The Host header without its port (Express's req.hostname). */
export function hostname(req: EngineRequest): string {
  const host = firstHeader(req, 'host') ?? '';
  const start = host.startsWith('[') ? host.indexOf(']') + 1 : 0;
  const colon = host.indexOf(':', start);
  return colon < 0 ? host : host.slice(0, colon);
}

/** Where this project's mocks are served for this client: `http://<host>/m/<slug>`, or `http://<host>` on its own port. */
export function baseUrl(req: EngineRequest, slug: string): string {
  const host = firstHeader(req, 'host') || '127.0.0.1';
  return req.ownPort ? `http://${host}` : `http://${host}/m/${slug}`;
}
