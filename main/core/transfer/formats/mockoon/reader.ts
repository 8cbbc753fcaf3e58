import type { Environment, Header, Route, RouteResponse } from '@mockoon/commons';
import {
  bucketCreateSchema,
  CONTENT_TYPES,
  headerMapSchema,
  MAX_DELAY_MS,
  MAX_HEADER_REPEATS,
  type BucketCreate,
  type Condition,
  type HeaderMap,
  type ImportSkip,
  type MockDraft,
  type ProjectDraftInput,
  type ResponseCreate,
  type ResponseMode,
  type ResponseType,
} from '../../../../../shared/models';
import type { ImportFormatReader, ReadOptions, ReadResult, SourceDocument } from '../types';
import { loadEnvironment, looksLikeEnvironment } from './environment';
import { mockPathOf, prefixPath } from './paths';
import { conditionOf, type RuleContext } from './rules';

/** Mockoon methods MockDeck serves (lower case, as Mockoon writes them): `all` is MockDeck's ANY. */
const METHODS: Record<string, MockInput['method']> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ANY',
};

type MockInput = Omit<MockDraft, 'chaos' | 'responses' | 'responseType' | 'description'> & {
  responseType: ResponseType;
  description: string;
  responses: ResponseCreate[];
};

/**
 * A Mockoon environment (any lastMigration Mockoon's CLI accepts: environment.ts) as a
 * MockDeck project: routes in Mockoon's order, each response with its status, headers
 * (the environment's and its own), body (templates kept: MockDeck's templating is
 * Mockoon's), rules, latency; data buckets and CRUD routes; the endpoint prefix as the base
 * path. Everything that does not map is a line in `skipped`; nothing is dropped silently.
 */
export const mockoonReader: ImportFormatReader = {
  id: 'mockoon',
  label: 'Mockoon environment',
  detect: (doc: SourceDocument) => looksLikeEnvironment(doc.data),
  read: (doc, opts) => readEnvironment(doc.data, opts),
};

export function readEnvironment(data: unknown, opts: ReadOptions): ReadResult {
  const skipped: ImportSkip[] = [];
  const warnings: string[] = [];
  const { env, routes, migratedFrom } = loadEnvironment(data, warnings);
  if (migratedFrom !== null && migratedFrom < env.lastMigration) {
    warnings.push(
      `upgraded from Mockoon's format ${migratedFrom} to ${env.lastMigration} with Mockoon's own migrations`,
    );
  }
  const prefix = prefixPath(env.endpointPrefix);
  const keepPrefix = (opts.basePath ?? 'keep') === 'keep';
  const buckets = readBuckets(env, skipped);
  const ctx: RuleContext = {
    bucketName: (key) => buckets.byKey.get(key)?.name,
    bucketContent: (key) => {
      const b = buckets.byKey.get(key);
      return b && !b.templated ? b.content : undefined;
    },
  };
  const mocks: MockInput[] = [];
  routes.forEach((route, i) => {
    const where = `route ${i + 1} (${route.method.toUpperCase() || route.type} /${route.endpoint})`;
    const mock = readRoute(env, route, where, {
      prefix: keepPrefix ? prefix : '',
      ctx,
      buckets,
      opts,
      skipped,
      warnings,
    });
    if (mock) mocks.push(mock);
  });
  readEnvironmentSettings(env, skipped, warnings);
  const draft: ProjectDraftInput = {
    project: { name: env.name.trim() || 'Mockoon environment', description: '' },
    mocks,
    buckets: buckets.list,
  };
  return { draft, basePath: prefix || null, skipped, warnings };
}

/* ---- Data buckets ---- */

interface Buckets {
  list: (BucketCreate & { name: string; content: string; templated: boolean })[];
  /** Mockoon's bucket id and its name → the MockDeck bucket. */
  byKey: Map<string, { name: string; content: string; templated: boolean }>;
  /** Rewrites Mockoon bucket ids and names in a template's data helpers into MockDeck names. */
  rewrite(text: string): string;
}

function readBuckets(env: Environment, skipped: ImportSkip[]): Buckets {
  const list: Buckets['list'] = [];
  const byKey: Buckets['byKey'] = new Map();
  const taken = new Set<string>();
  env.data.forEach((b, i) => {
    let name = (b.name || b.id).trim().replace(/[\s'"{}]+/g, '-') || `bucket-${i + 1}`;
    if (taken.has(name)) name = `${name}-${b.id}`;
    const templated = b.value.includes('{{');
    // Mockoon keeps a value that is not JSON as a string: the same value, written as JSON.
    const content = templated || isJson(b.value) ? b.value : JSON.stringify(b.value);
    const parsed = bucketCreateSchema.safeParse({ name, description: b.documentation ?? '', content, templated });
    if (!parsed.success) {
      skipped.push({
        where: `data bucket ${i + 1} (${b.name})`,
        what: 'data bucket',
        reason: parsed.error.issues.map((x) => x.message).join('; '),
      });
      return;
    }
    taken.add(name);
    const entry = { name, content: parsed.data.content, templated };
    list.push({ ...parsed.data, ...entry });
    byKey.set(b.id, entry);
    if (b.name) byKey.set(b.name, entry);
  });
  const rewrite = (text: string): string =>
    byKey.size === 0 || !text.includes('{{')
      ? text
      : text.replace(
          /\b(data|dataRaw|setData)(\s+)(['"])([^'"]+)\3/g,
          (all, helper: string, sp: string, q: string, key: string) => {
            const b = byKey.get(key);
            return b ? `${helper}${sp}${q}${b.name}${q}` : all;
          },
        );
  for (const b of list) if (b.templated) b.content = rewrite(b.content);
  return { list, byKey, rewrite };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/* ---- Routes ---- */

interface RouteContext {
  prefix: string;
  ctx: RuleContext;
  buckets: Buckets;
  opts: ReadOptions;
  skipped: ImportSkip[];
  warnings: string[];
}

function readRoute(env: Environment, route: Route, where: string, rc: RouteContext): MockInput | undefined {
  const { skipped } = rc;
  if (route.type === 'ws') {
    skipped.push({ where, what: 'WebSocket route', reason: 'MockDeck mocks answer HTTP requests only' });
    return undefined;
  }
  const pathResult = mockPathOf(route.endpoint);
  if ('problem' in pathResult) {
    skipped.push({ where, what: 'route', reason: pathResult.problem });
    return undefined;
  }
  const path = rc.prefix + (pathResult.path === '/' && rc.prefix ? '' : pathResult.path);
  if (pathResult.literalColons.length > 0) {
    rc.warnings.push(
      `${where}: ${pathResult.literalColons.join(', ')} matched as written (Mockoon also takes any text in place of the :name after the colon)`,
    );
  }
  if (route.type === 'crud') return readCrudRoute(route, where, path, rc);
  const method = METHODS[route.method];
  if (!method) {
    skipped.push({
      where,
      what: 'route',
      reason: `method ${route.method.toUpperCase()} (WebDAV): MockDeck mocks serve ${Object.values(METHODS).join(', ')}`,
    });
    return undefined;
  }
  if (pathResult.innerWildcard) {
    rc.warnings.push(`${where}: a * before the last segment matches one segment in MockDeck (Mockoon: one or more)`);
  }
  const defaultIndex = Math.max(
    0,
    route.responses.findIndex((r) => r.default),
  );
  const responses: ResponseCreate[] = [];
  let defaultResponse: RouteResponse | undefined;
  const answersWhenNoRuleHolds: boolean[] = [];
  route.responses.forEach((r, j) => {
    const rWhere = `${where} response ${j + 1} (${r.statusCode}${r.label ? ` ${r.label}` : ''})`;
    const mapped = readResponse(env, r, rWhere, rc);
    if (!mapped) return;
    // Only Mockoon's own flag: an unflagged first response is the default in both tools anyway.
    mapped.isDefault = r.default;
    if (j === defaultIndex) defaultResponse = r;
    responses.push(mapped);
    answersWhenNoRuleHolds.push(j === defaultIndex);
  });
  if (responses.length === 0 && route.responses.length > 0) {
    skipped.push({ where, what: 'route', reason: 'none of its responses could be imported (see the lines above)' });
    return undefined;
  }
  const mode = responseModeOf(route, responses, answersWhenNoRuleHolds, where, rc.warnings);
  // Mockoon answers the first response whose rules hold, in its default and fallback modes.
  const responseSelection = route.responseMode === null || route.responseMode === 'FALLBACK' ? 'first' : 'weighted';
  const latencies = new Set(route.responses.map((r) => r.latency));
  const latency = env.latency + (defaultResponse?.latency ?? route.responses[0]?.latency ?? 0);
  if (latencies.size > 1) {
    rc.warnings.push(
      `${where}: its responses have different latencies (${[...latencies].join(', ')} ms); MockDeck delays a mock, so every response waits ${latency} ms (the default's)`,
    );
  }
  if (latency > MAX_DELAY_MS) rc.warnings.push(`${where}: latency ${latency} ms capped at ${MAX_DELAY_MS} ms`);
  const responseType = responseTypeOf(contentTypeOf(env.headers, defaultResponse?.headers ?? []));
  dropDefaultContentType(responses, responseType);
  return {
    ...namesOf(route, `${route.method.toUpperCase()} ${path}`),
    path,
    method,
    responseType,
    responseDelay: Math.min(Math.max(0, Math.round(latency)), MAX_DELAY_MS),
    responseMode: mode,
    responseSelection,
    isActive: true,
    kind: 'http',
    bucket: null,
    crudKey: 'id',
    responses,
  };
}

/** Mockoon's documentation: its first line names the mock, the rest describes it (as the writer puts them). */
function namesOf(route: Route, fallback: string): { name: string; description: string } {
  const [first = '', ...rest] = route.documentation.split('\n');
  return { name: first.trim().slice(0, 200) || fallback, description: rest.join('\n').trim().slice(0, 5000) };
}

/**
 * A Content-Type header equal to what MockDeck sends for the mock's response type says
 * nothing more: dropped, so a MockDeck → Mockoon → MockDeck round trip gives the same headers.
 */
function dropDefaultContentType(responses: ResponseCreate[], type: ResponseType): void {
  for (const r of responses) {
    const key = Object.keys(r.headers ?? {}).find((k) => k.toLowerCase() === 'content-type');
    if (key && r.headers?.[key] === CONTENT_TYPES[type]) delete r.headers[key];
  }
}

/**
 * Mockoon's default mode (null) answers the FIRST response whose rules hold (MockDeck's
 * responseSelection 'first'), else the default one; responses without rules are never picked
 * unless they are the default. When no condition holds MockDeck draws among the responses
 * without conditions by weight: weights 0, and 100 for a default without rules, give
 * Mockoon's answer (the warning says where they cannot: a default with rules).
 */
function responseModeOf(
  route: Route,
  responses: ResponseCreate[],
  isDefault: boolean[],
  where: string,
  warnings: string[],
): ResponseMode {
  const hasRules = responses.some((r) => (r.conditions?.length ?? 0) > 0);
  switch (route.responseMode) {
    case 'RANDOM':
      if (hasRules)
        warnings.push(
          `${where}: random mode: Mockoon ignores the rules in it, MockDeck draws among the responses whose conditions hold`,
        );
      return 'random';
    case 'SEQUENTIAL':
      if (hasRules)
        warnings.push(
          `${where}: sequential mode: Mockoon ignores the rules in it, MockDeck cycles through the responses whose conditions hold`,
        );
      return 'sequential';
    case 'DISABLE_RULES':
      return 'disable_rules';
    case 'FALLBACK':
      return 'fallback';
    default:
      if (responses.length > 1) {
        responses.forEach((r, k) => (r.weight = isDefault[k] && (r.conditions?.length ?? 0) === 0 ? 100 : 0));
        const def = isDefault.indexOf(true);
        const unconditional = responses.some((r) => (r.conditions?.length ?? 0) === 0);
        if ((responses[def]?.conditions?.length ?? 0) > 0 && unconditional) {
          warnings.push(
            `${where}: its default response has rules: when no rule holds, Mockoon answers it, MockDeck the first response without rules`,
          );
        }
      }
      return 'random';
  }
}

function readCrudRoute(route: Route, where: string, path: string, rc: RouteContext): MockInput | undefined {
  const first = route.responses[0];
  const bucket = first ? rc.buckets.byKey.get(first.databucketID) : undefined;
  if (!first || !bucket) {
    rc.skipped.push({
      where,
      what: 'CRUD route',
      reason: first?.databucketID
        ? `its data bucket "${first.databucketID}" was not imported`
        : 'it has no data bucket: link one in Mockoon, or create the CRUD mock in MockDeck',
    });
    return undefined;
  }
  if (route.responses.length > 1 || first.rules.length > 0) {
    rc.skipped.push({
      where,
      what: 'CRUD route responses and rules',
      reason:
        "a MockDeck CRUD route answers only from its bucket (docs/data-buckets.md): only the first response's bucket and key were imported",
    });
  }
  return {
    ...namesOf(route, `CRUD ${path}`),
    path,
    method: 'GET',
    responseType: 'json',
    responseDelay: Math.min(first.latency, MAX_DELAY_MS),
    responseMode: 'random',
    responseSelection: 'weighted',
    isActive: true,
    kind: 'crud',
    bucket: bucket.name,
    crudKey: first.crudKey || 'id',
    responses: [],
  };
}

function readResponse(env: Environment, r: RouteResponse, where: string, rc: RouteContext): ResponseCreate | undefined {
  const { skipped } = rc;
  if (!Number.isInteger(r.statusCode) || r.statusCode < 100 || r.statusCode > 599) {
    skipped.push({ where, what: 'response', reason: `status ${r.statusCode} is not an HTTP status (100–599)` });
    return undefined;
  }
  const body = bodyOf(r, where, rc);
  if (body === undefined) return undefined;
  const headers = headersOf(env.headers, r.headers, where, skipped);
  if (r.bodyType !== 'FILE') withCharset(headers);
  const conditions: Condition[] = [];
  r.rules.forEach((rule, k) => {
    const result = conditionOf(rule, rc.ctx);
    if ('condition' in result) conditions.push(result.condition);
    else {
      skipped.push({
        where: `${where} rule ${k + 1}`,
        what: `rule ${rule.target}${rule.modifier ? ` "${rule.modifier}"` : ''} ${rule.operator} "${rule.value}"`,
        reason: `${result.problem}; the response's other rules still apply`,
      });
    }
  });
  if (conditions.length > 50) {
    skipped.push({
      where,
      what: `rules 51 to ${conditions.length}`,
      reason: 'a MockDeck response has at most 50 conditions',
    });
    conditions.length = 50;
  }
  if (r.callbacks.length > 0) {
    skipped.push({
      where,
      what: `${r.callbacks.length} callback(s)`,
      reason: 'MockDeck does not call other servers after answering',
    });
  }
  return {
    name: (r.label.trim() || `${r.statusCode}`).slice(0, 200),
    statusCode: r.statusCode,
    headers,
    body,
    disableTemplating: r.disableTemplating,
    conditions,
    conditionLogic: r.rulesOperator === 'OR' ? 'or' : 'and',
    weight: 100,
  };
}

function bodyOf(r: RouteResponse, where: string, rc: RouteContext): string | undefined {
  if (r.bodyType === 'DATABUCKET') {
    const b = rc.buckets.byKey.get(r.databucketID);
    if (!b) {
      rc.skipped.push({ where, what: 'data bucket body', reason: `data bucket "${r.databucketID}" was not imported` });
      return undefined;
    }
    // Mockoon sends the bucket's current value; so does this template.
    return `{{{data '${b.name}'}}}`;
  }
  if (r.bodyType === 'FILE') {
    const file = r.filePath.trim();
    if (!rc.opts.readFile) {
      rc.skipped.push({
        where,
        what: `file body "${file}"`,
        reason:
          'the file was not given: import the environment from its folder with `mockdeck import FILE` so its files are read',
      });
      return undefined;
    }
    if (file.includes('{{')) {
      rc.skipped.push({
        where,
        what: `file body "${file}"`,
        reason: 'the file path is a template: MockDeck inlines a file once, when importing',
      });
      return undefined;
    }
    const text = file ? rc.opts.readFile(file) : undefined;
    if (text === undefined) {
      rc.skipped.push({
        where,
        what: `file body "${file}"`,
        reason: "the file could not be read inside the environment's folder (missing, too large, or outside it)",
      });
      return undefined;
    }
    return rc.buckets.rewrite(text);
  }
  return rc.buckets.rewrite(r.body ?? '');
}

/**
 * The environment's headers, then the response's: a name the response sets replaces the
 * environment's lines of that name, names compared in any case. A name repeated in one list
 * (two Set-Cookie) stays repeated — a list value, sent as separate lines in the same order.
 */
function headersOf(envHeaders: Header[], own: Header[], where: string, skipped: ImportSkip[]): HeaderMap {
  const linesOf = (hs: Header[]): Map<string, [string, string[]]> => {
    const out = new Map<string, [string, string[]]>();
    for (const h of hs) {
      const key = h.key.trim();
      if (key === '') continue;
      const parsed = headerMapSchema.safeParse({ [key]: h.value });
      if (!parsed.success) {
        skipped.push({ where, what: `header ${key}`, reason: parsed.error.issues.map((i) => i.message).join('; ') });
        continue;
      }
      const lower = key.toLowerCase();
      const entry = out.get(lower);
      if (entry === undefined) out.set(lower, [key, [h.value]]);
      else if (entry[1].length < MAX_HEADER_REPEATS) entry[1].push(h.value);
      else
        skipped.push({
          where,
          what: `header ${key}: ${h.value}`,
          reason: `a header repeats at most ${MAX_HEADER_REPEATS} times`,
        });
    }
    return out;
  };
  const merged = linesOf(envHeaders);
  for (const [lower, entry] of linesOf(own)) merged.set(lower, entry);
  return Object.fromEntries([...merged.values()].map(([key, lines]) => [key, lines.length === 1 ? lines[0]! : lines]));
}

/**
 * Mockoon sends a text body through Express, which adds `; charset=utf-8` to a Content-Type
 * that names none: the header is written as Mockoon actually sends it.
 */
function withCharset(headers: HeaderMap): void {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const value = key === undefined ? undefined : headers[key];
  if (key !== undefined && typeof value === 'string' && value && !/;\s*charset=/i.test(value))
    headers[key] = `${value}; charset=utf-8`;
}

function contentTypeOf(envHeaders: Header[], own: Header[]): string {
  const find = (hs: Header[]) => hs.find((h) => h.key.trim().toLowerCase() === 'content-type')?.value;
  return find(own) ?? find(envHeaders) ?? '';
}

function responseTypeOf(contentType: string): ResponseType {
  const ct = contentType.toLowerCase();
  if (ct.includes('json')) return 'json';
  if (ct.includes('xml')) return 'xml';
  if (ct.includes('html') || ct === '') return 'html';
  return 'text';
}

/* ---- Environment settings ---- */

function readEnvironmentSettings(env: Environment, skipped: ImportSkip[], warnings: string[]): void {
  if (env.proxyMode && env.proxyHost) {
    skipped.push({
      where: 'environment',
      what: `proxy to ${env.proxyHost}${env.proxyRemovePrefix ? ' (prefix removed)' : ''}`,
      reason:
        "a project's upstream is a setting of this machine that no imported file may set (docs/proxy.md): set the project's upstream URL to it and proxy mode to passthrough",
    });
  }
  if (env.proxyReqHeaders.some((h) => h.key) || env.proxyResHeaders.some((h) => h.key)) {
    skipped.push({
      where: 'environment',
      what: 'proxy request/response headers',
      reason: 'MockDeck forwards requests as they come',
    });
  }
  if (!env.cors) {
    warnings.push('CORS was off in Mockoon: MockDeck always answers preflights and sends CORS headers');
  }
  if (env.tlsOptions?.enabled) {
    skipped.push({ where: 'environment', what: 'TLS', reason: 'MockDeck serves plain HTTP on localhost' });
  }
  if (env.callbacks.length > 0) {
    skipped.push({
      where: 'environment',
      what: `${env.callbacks.length} callback definition(s)`,
      reason: 'MockDeck does not call other servers after answering',
    });
  }
  if (env.folders.length > 0) {
    warnings.push(`${env.folders.length} folder(s) flattened: the mocks keep Mockoon's order`);
  }
  warnings.push(
    `Mockoon served this environment on port ${env.port}; MockDeck serves it at /m/<slug> (give the project a port to serve it at the root)`,
  );
}
