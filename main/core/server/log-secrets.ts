import type { RequestLog } from '../../../shared/models';

/**
 * What a stored request log must not hold in the clear: credentials a client sent to a mock
 * (Authorization, Cookie, API keys) and the ones a mock answered with (Set-Cookie). logs.db
 * sits in the data dir and is exported, shown and searched; the values it needs to be useful
 * for debugging are the shapes of requests, not their secrets. Applied when a queued request
 * becomes a row (never on the serving path), unless the project's `logSecrets` is on.
 */
export const REDACTED = '•••';

/** Headers (request and response) whose whole value is a credential. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
]);

/** Field names (JSON keys, form and query parameters) whose values are credentials. */
const FIELD = String.raw`pass(?:word|wd)?|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|id[_-]?token|auth[_-]?token|token|private[_-]?key|session[_-]?id`;
const SECRET_FIELD = new RegExp(`^(?:${FIELD})$`, 'i');
// "password": "…" or "api_key": 123: the value (string, number or literal) is replaced, the layout kept.
const JSON_FIELD = new RegExp(
  String.raw`("(?:${FIELD})"\s*:\s*)(?:"(?:[^"\\]|\\.)*"?|-?[0-9][0-9.eE+-]*|true|false)`,
  'gi',
);
// password=…&api_key=… in a form body.
const FORM_FIELD = new RegExp(String.raw`(^|&)((?:${FIELD})=)[^&\s"'<>]*`, 'gi');
// A cheap test before the regexes: most bodies name no secret field at all.
const MAYBE = /pass|secret|key|token|session/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

function headers<T extends Record<string, string | string[]>>(h: T): T {
  let out: Record<string, string | string[]> | null = null;
  for (const name in h) {
    if (!isSecretHeader(name)) continue;
    out ??= { ...h };
    const value = h[name]!;
    // Each line of a repeated Set-Cookie is masked: the log still shows how many were sent.
    out[name] = Array.isArray(value) ? value.map(() => REDACTED) : REDACTED;
  }
  return (out ?? h) as T;
}

function query(q: Record<string, string | string[]>): Record<string, string | string[]> {
  let out: Record<string, string | string[]> | null = null;
  for (const name in q) {
    if (!SECRET_FIELD.test(name)) continue;
    out ??= { ...q };
    out[name] = REDACTED;
  }
  return out ?? q;
}

/** A body's text with the values of secret JSON fields and form parameters masked. */
export function redactBodyText(text: string): string {
  if (!MAYBE.test(text)) return text;
  const json = text.replace(JSON_FIELD, `$1"${REDACTED}"`);
  return json.includes('=') ? json.replace(FORM_FIELD, `$1$2${REDACTED}`) : json;
}

function body(text: string, encoding: RequestLog['requestBodyEncoding']): string {
  return encoding === 'utf8' ? redactBodyText(text) : text;
}

// The same response body is usually logged again and again: keep its redacted form.
let lastBody = '';
let lastRedacted = '';

function responseBody(text: string, encoding: RequestLog['responseBodyEncoding']): string {
  if (encoding !== 'utf8') return text;
  if (text !== lastBody) {
    lastBody = text;
    lastRedacted = redactBodyText(text);
  }
  return lastRedacted;
}

/** The row as logs.db keeps it by default: credentials in headers, query and bodies masked. */
export function withoutSecrets(log: RequestLog): RequestLog {
  return {
    ...log,
    requestHeaders: headers(log.requestHeaders),
    requestQuery: query(log.requestQuery),
    requestBody: body(log.requestBody, log.requestBodyEncoding),
    responseHeaders: headers(log.responseHeaders),
    responseBody: responseBody(log.responseBody, log.responseBodyEncoding),
  };
}
