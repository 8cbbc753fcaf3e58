import { appendHeader, MAX_BODY_LENGTH, type HeaderMap, type ImportSkip } from '../../../../shared/models';
import { AppError } from '../../util/errors';
import { NOT_KEPT_RESPONSE_HEADERS } from '../../util/recorded-headers';
import { isObject, list, str } from './doc-values';
import { MockCollector, responseTypeOf, type CollectedResponse } from './mock-collector';
import type { ImportFormatReader, ReadResult, SourceDocument } from './types';

/**
 * HAR 1.2 (a browser's or a proxy's recording): one mock per method and path, the recorded
 * responses as its responses (one per status; the first recording of a status is kept).
 * Credentials never reach the project, as with the proxy recorder (main/core/proxy/recorder.ts):
 * the request's Authorization and Cookie values and the response's Set-Cookie values are
 * replaced by `[redacted]` wherever they appear — headers and bodies alike.
 */
export const harReader: ImportFormatReader = {
  id: 'har',
  label: 'HAR 1.2 recording',
  detect: (doc) => isObject(doc.data) && isObject(doc.data.log) && Array.isArray(doc.data.log.entries),
  read: readHar,
};

export const REDACTED = '[redacted]';

function readHar(doc: SourceDocument): ReadResult {
  const log = isObject(doc.data) && isObject(doc.data.log) ? doc.data.log : undefined;
  if (!log || !Array.isArray(log.entries)) {
    throw new AppError(
      'VALIDATION_ERROR',
      `${doc.fileName ?? 'the document'} is not a HAR file: it has no log.entries`,
      {
        field: 'content',
        hint: 'save the recording from the browser’s network panel with “Save all as HAR”',
      },
    );
  }
  const collector = new MockCollector();
  const skipped: ImportSkip[] = [];
  const hosts = new Set<string>();
  let redactedCount = 0;
  list(log.entries).forEach((entry, i) => {
    const where = `log.entries.${i}`;
    const req = isObject(entry) && isObject(entry.request) ? entry.request : undefined;
    const res = isObject(entry) && isObject(entry.response) ? entry.response : undefined;
    const method = str(req?.method)?.toUpperCase();
    const url = parseUrl(str(req?.url));
    if (!req || !res || !method || !url) {
      skipped.push({ where, what: 'entry', reason: 'it has no request method, http(s) URL or response' });
      return;
    }
    hosts.add(url.host);
    const status = typeof res.status === 'number' ? res.status : 0;
    if (status < 100 || status > 599) {
      // 0: the browser got no answer (blocked, cancelled).
      skipped.push({
        where,
        what: `${method} ${url.pathname}`,
        reason: `no HTTP answer was recorded (status ${status})`,
      });
      return;
    }
    const secrets = secretValues(req, res);
    const scrub = (text: string): string => {
      let out = text;
      for (const s of secrets) {
        if (out.includes(s)) {
          out = out.split(s).join(REDACTED);
          redactedCount++;
        }
      }
      return out;
    };
    const headers: HeaderMap = {};
    let contentType: string | undefined;
    for (const h of list(res.headers)) {
      const name = isObject(h) ? str(h.name)?.toLowerCase() : undefined;
      const value = isObject(h) ? str(h.value) : undefined;
      if (!name || value === undefined || name.startsWith(':') || NOT_KEPT_RESPONSE_HEADERS.has(name)) continue;
      if (name === 'content-type') contentType = value;
      if (name === 'set-cookie') {
        // Every cookie, in order (repeated Set-Cookie lines), each with its value cut out.
        appendHeader(headers, name, redactCookie(value));
        redactedCount++;
        continue;
      }
      if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name) || !/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) {
        skipped.push({ where, what: `response header ${name}`, reason: 'its name or value is not valid in HTTP/1.1' });
        continue;
      }
      // A repeated header stays repeated (a list), in the recorded order.
      appendHeader(headers, name, scrub(value));
    }
    const content = isObject(res.content) ? res.content : {};
    const mime = str(content.mimeType) ?? contentType;
    let body = '';
    const text = str(content.text);
    if (text !== undefined) {
      const decoded = content.encoding === 'base64' ? decodeBase64Text(text, mime) : { text };
      if ('binary' in decoded) {
        skipped.push({
          where,
          what: `response body of ${method} ${url.pathname} (${mime ?? 'no type'}, ${decoded.bytes} bytes)`,
          reason: 'the body is binary and a mock body is text: the mock answers with an empty body',
        });
      } else if (decoded.text.length > MAX_BODY_LENGTH) {
        skipped.push({
          where,
          what: `response body of ${method} ${url.pathname}`,
          reason: 'larger than 5 MB, the most a mock body holds: the mock answers with an empty body',
        });
      } else {
        body = scrub(decoded.text);
      }
    }
    const response: CollectedResponse = {
      name: `${status} ${str(res.statusText) ?? ''}`.trim(),
      statusCode: status,
      headers,
      body,
      responseType: responseTypeOf(mime, body),
    };
    collector.add(where, method, url.pathname, { name: `${method} ${url.pathname}`, responses: [response] });
  });
  const warnings = [...collector.warnings];
  if (redactedCount > 0) {
    warnings.push(
      `credentials recorded with the requests (Authorization, Cookie, Set-Cookie) were replaced by ${REDACTED} (${redactedCount} place(s))`,
    );
  }
  if (hosts.size > 1) {
    warnings.push(
      `the recording holds ${hosts.size} hosts (${[...hosts].slice(0, 5).join(', ')}…): mocks keep only paths`,
    );
  }
  const creator = isObject(log.creator) ? str(log.creator.name) : undefined;
  const firstHost = [...hosts][0];
  return {
    draft: {
      project: {
        name: nameOfFile(doc.fileName) ?? (firstHost ? `Recording of ${firstHost}` : 'HAR recording'),
        description: creator ? `Imported from a HAR recording made by ${creator}` : 'Imported from a HAR recording',
      },
      mocks: collector.drafts(),
    },
    basePath: null,
    skipped: [...skipped, ...collector.skipped],
    warnings,
  };
}

function parseUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

function headerValues(headers: unknown, name: string): string[] {
  return list(headers)
    .filter((h) => isObject(h) && str(h.name)?.toLowerCase() === name)
    .map((h) => (isObject(h) ? (str(h.value) ?? '') : ''));
}

/** The credential values of an entry, longest first (a whole value is cut before a part of it). */
function secretValues(req: Record<string, unknown>, res: Record<string, unknown>): string[] {
  const values: string[] = [];
  const add = (v: string) => {
    if (v.length >= 4) values.push(v);
  };
  for (const auth of headerValues(req.headers, 'authorization')) {
    add(auth);
    // "Bearer abc…": the token alone too, in case the answer echoes it without its scheme.
    if (auth.includes(' ')) add(auth.slice(auth.indexOf(' ') + 1).trim());
  }
  const cookies = [...headerValues(req.headers, 'cookie'), ...headerValues(res.headers, 'set-cookie')];
  for (const c of cookies) {
    add(c);
    for (const pair of c.split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) add(pair.slice(eq + 1).trim());
    }
  }
  // HAR also lists cookies on their own.
  for (const c of [...list(req.cookies), ...list(res.cookies)]) {
    const v = isObject(c) ? str(c.value) : undefined;
    if (v) add(v);
  }
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

/** "sid=abc; Path=/; HttpOnly" → "sid=[redacted]; Path=/; HttpOnly". */
function redactCookie(setCookie: string): string {
  const [first, ...attrs] = setCookie.split(';');
  const eq = first!.indexOf('=');
  const name = eq > 0 ? first!.slice(0, eq).trim() : 'cookie';
  return [`${name}=${REDACTED}`, ...attrs.map((a) => a.trim())].join('; ').replace(/[^\t\x20-\x7e]/g, '');
}

const TEXT_MIME = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql|yaml))/i;

/** A base64 body as text when it is text (by type, or valid UTF-8 without control bytes). */
function decodeBase64Text(b64: string, mime: string | undefined): { text: string } | { binary: true; bytes: number } {
  const bytes = Buffer.from(b64, 'base64');
  if (mime && !TEXT_MIME.test(mime) && !/charset=/i.test(mime)) return { binary: true, bytes: bytes.length };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x08\x0e-\x1f]/.test(text)) return { binary: true, bytes: bytes.length };
    return { text };
  } catch {
    return { binary: true, bytes: bytes.length };
  }
}

function nameOfFile(fileName: string | undefined): string | undefined {
  const base = fileName
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.(har|json)$/i, '');
  return base ? base.slice(0, 200) : undefined;
}
