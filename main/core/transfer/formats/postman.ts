import { appendHeader, firstHeader, type HeaderMap, type ImportSkip } from '../../../../shared/models';
import { AppError } from '../../util/errors';
import { isObject, list, str } from './doc-values';
import { MockCollector, responseTypeOf, toMockPath, type CollectedResponse } from './mock-collector';
import type { ImportFormatReader, ReadOptions, ReadResult, SourceDocument } from './types';

/**
 * Postman collections v2.1 (and v2.0, the same shape for what is read here): every request
 * becomes a mock (folders name it: "Users / Get user"), its saved examples its responses.
 * `{{variables}}` in URLs are resolved from the collection's variables; `{{baseUrl}}` holding
 * a URL with a path ("https://api.example.com/v1") gives the base path (keep/drop option).
 * Example bodies are kept as written — `{{…}}` in them is not MockDeck templating.
 */
export const postmanReader: ImportFormatReader = {
  id: 'postman',
  label: 'Postman collection v2.x',
  detect: (doc) =>
    isObject(doc.data) &&
    isObject(doc.data.info) &&
    /schema\.getpostman\.com\/json\/collection\/v2/.test(str(doc.data.info.schema) ?? '') &&
    Array.isArray(doc.data.item),
  read: readPostman,
};

/** Folders within folders: deeper nesting is refused rather than recursed without end. */
const MAX_DEPTH = 32;

function readPostman(doc: SourceDocument, opts: ReadOptions): ReadResult {
  const c = doc.data;
  if (!isObject(c) || !Array.isArray(c.item)) {
    throw new AppError(
      'VALIDATION_ERROR',
      `${doc.fileName ?? 'the document'} is not a Postman collection: it has no item list`,
      {
        field: 'content',
        hint: 'export the collection from Postman as “Collection v2.1”',
      },
    );
  }
  const vars = new Map<string, string>();
  for (const v of list(c.variable)) {
    const key = isObject(v) ? str(v.key) : undefined;
    const value = isObject(v) ? v.value : undefined;
    if (key && (typeof value === 'string' || typeof value === 'number')) vars.set(key, String(value));
  }
  const base = basePathOf(vars);
  const collector = new MockCollector();
  const skipped: ImportSkip[] = [];
  const warnings: string[] = [];
  const unresolved = new Set<string>();
  let withoutExamples = 0;
  let scripts = 0;

  const walk = (items: unknown[], folders: string[], where: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      skipped.push({ where, what: 'folder', reason: `folders nested deeper than ${MAX_DEPTH} levels are not read` });
      return;
    }
    items.forEach((item, i) => {
      const at = `${where}.${i}`;
      if (!isObject(item)) return;
      const name = str(item.name) ?? `item ${i + 1}`;
      if (list(item.event).length > 0) scripts++;
      if (Array.isArray(item.item)) {
        walk(item.item, [...folders, name], `${at}.item`, depth + 1);
        return;
      }
      const request = isObject(item.request)
        ? item.request
        : typeof item.request === 'string'
          ? { url: item.request }
          : undefined;
      if (!request) {
        skipped.push({ where: at, what: name, reason: 'it is neither a folder nor a request' });
        return;
      }
      const method = (str(request.method) ?? 'GET').toUpperCase();
      const path = urlPath(request.url, vars, unresolved);
      if (path === undefined) {
        skipped.push({ where: at, what: `${method} ${name}`, reason: 'the request has no URL' });
        return;
      }
      const finalPath = base && opts.basePath === 'drop' ? stripBase(path, base) : path;
      const responses: CollectedResponse[] = list(item.response).flatMap((r) => (isObject(r) ? [exampleOf(r)] : []));
      const added = collector.add(at, method, finalPath, {
        name: [...folders, name].join(' / '),
        description: descriptionOf(request.description ?? item.description),
        responses,
      });
      if (added && responses.length === 0) withoutExamples++;
    });
  };
  walk(c.item, [], 'item', 0);

  if (list(c.event).length > 0) scripts++;
  if (scripts > 0) {
    skipped.push({
      where: 'event',
      what: `${scripts} pre-request or test script(s)`,
      reason: 'Postman scripts are not run by MockDeck; rules and templates do what mocks need of them',
    });
  }
  if (isObject(c.auth)) {
    skipped.push({ where: 'auth', what: 'collection auth', reason: 'mocks answer without checking credentials' });
  }
  for (const v of unresolved) {
    warnings.push(`{{${v}}} has no value among the collection's variables: it became the path parameter {${v}}`);
  }
  if (withoutExamples > 0) {
    warnings.push(`${withoutExamples} request(s) have no saved example: their mocks answer 200 with an empty body`);
  }
  const info = isObject(c.info) ? c.info : {};
  return {
    draft: {
      project: {
        name: (str(info.name) ?? 'Postman collection').slice(0, 200),
        description: descriptionOf(info.description),
      },
      mocks: collector.drafts(),
    },
    basePath: base,
    skipped: [...skipped, ...collector.skipped],
    warnings: [...warnings, ...collector.warnings],
  };
}

/** A saved example as a response: its status, headers (Content-Type decides the type) and body as written. */
function exampleOf(r: Record<string, unknown>): CollectedResponse {
  const headers: HeaderMap = {};
  for (const h of list(r.header)) {
    const key = isObject(h) ? str(h.key)?.toLowerCase() : undefined;
    const value = isObject(h) ? str(h.value) : undefined;
    if (!key || value === undefined || (isObject(h) && h.disabled === true)) continue;
    if (/^(content-length|content-encoding|transfer-encoding|connection|date|keep-alive)$/.test(key)) continue;
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(key) || !/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) continue;
    appendHeader(headers, key, value); // a repeated header (two Set-Cookie) keeps each line
  }
  const body = str(r.body) ?? '';
  const lang = str(r._postman_previewlanguage);
  const status = typeof r.code === 'number' && r.code >= 100 && r.code <= 599 ? r.code : 200;
  return {
    name: str(r.name) ?? `${status} ${str(r.status) ?? ''}`.trim(),
    statusCode: status,
    headers,
    body,
    responseType: responseTypeOf(
      firstHeader(headers, 'content-type') ?? (lang && lang !== 'raw' ? `x/${lang}` : undefined),
      body,
    ),
  };
}

/** The path a request's URL names, its variables resolved; unknown ones become path parameters. */
function urlPath(url: unknown, vars: Map<string, string>, unresolved: Set<string>): string | undefined {
  let raw: string | undefined;
  if (typeof url === 'string') raw = url;
  else if (isObject(url)) {
    raw = str(url.raw);
    if (raw === undefined && Array.isArray(url.path)) {
      raw = `/${list(url.path)
        .map((s) => (typeof s === 'string' ? s : isObject(s) ? (str(s.value) ?? '') : ''))
        .join('/')}`;
    }
  }
  if (raw === undefined || raw.trim() === '') return undefined;
  let text = raw.trim().replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => vars.get(name) ?? whole);
  // A host left as a variable ("{{host}}/users"): the path starts after it.
  text = text.replace(/^\{\{[^}]*\}\}(?=\/|$)/, '');
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  // A host without a scheme ("api.example.com/users"): what comes before the first slash.
  if (!text.startsWith('/')) text = text.includes('/') ? text.slice(text.indexOf('/')) : '/';
  text = text.replace(/[?#].*$/s, '');
  return text
    .split('/')
    .map((seg) => {
      const v = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(seg);
      if (!v) return seg;
      unresolved.add(v[1]!);
      return `{${v[1]}}`;
    })
    .join('/');
}

/** The path of the first variable holding a URL with a path ("baseUrl": "https://x/v1" → /v1). */
function basePathOf(vars: Map<string, string>): string | null {
  for (const [key, value] of vars) {
    if (!/url|base|host/i.test(key)) continue;
    const m = /^https?:\/\/[^/?#]+(\/[^?#]*)?/i.exec(value.trim());
    if (!m || !m[1]) continue;
    const made = toMockPath(m[1]);
    if ('path' in made && made.path !== '/') return made.path;
  }
  return null;
}

function stripBase(path: string, base: string): string {
  if (path === base) return '/';
  return path.startsWith(`${base}/`) ? path.slice(base.length) : path;
}

function descriptionOf(d: unknown): string {
  const text = typeof d === 'string' ? d : isObject(d) ? (str(d.content) ?? '') : '';
  return text.slice(0, 5000);
}
