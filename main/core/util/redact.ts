/**
 * Last line of defence for text that may reach a log, an error message or the renderer:
 * anything shaped like an API token, a JWT, a bearer credential or a password/key/token
 * assignment is masked. The real protection is that secrets are never put into messages;
 * this catches a server that echoes one back, or a driver error that quotes its input.
 */
const TOKEN = /mfx_[A-Za-z0-9_-]{4,}/g;
// OpenAI-style keys (sk-…, sk-proj-…), which a provider's error may quote back.
const SK_KEY = /\bsk-[A-Za-z0-9_-]{8,}/g;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /((?:Bearer|Basic)\s+)[^\s"']+/gi;
// password=…, "apiKey": "…", token: …, secret=… (the quotes, if any, are kept; a bearer value is BEARER's).
const ASSIGNED =
  /((?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|cookie|authorization)["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic)\s)[^\s"'&,;}•]+/gi;

export function redact(text: string): string {
  return text
    .replace(BEARER, '$1•••')
    .replace(TOKEN, (t) => `${t.slice(0, 7)}…•••`)
    .replace(SK_KEY, 'sk-…•••')
    .replace(JWT, 'eyJ…•••')
    .replace(ASSIGNED, '$1•••');
}

/** Request headers that carry credentials: logged as "•••". */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** Headers as they may be logged: credentials masked, other values redacted like text. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.has(name.toLowerCase())
      ? '•••'
      : Array.isArray(value)
        ? value.map(redact)
        : redact(value);
  }
  return out;
}

/** An Error as it may be logged: same name, message and stack, with secrets masked. */
export function redactError(e: unknown): Error {
  if (!(e instanceof Error)) return new Error(redact(String(e)));
  const copy = new Error(redact(e.message));
  copy.name = e.name;
  copy.stack = e.stack === undefined ? undefined : redact(e.stack);
  return copy;
}
