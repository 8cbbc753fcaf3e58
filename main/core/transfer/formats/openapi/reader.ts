import {
  HTTP_METHODS,
  MAX_BODY_LENGTH,
  MAX_DRAFT_MOCKS,
  mockPathProblem,
  type HttpMethod,
  type ImportSkip,
  type ProjectDraftInput,
  type ResponseType,
} from '../../../../../shared/models';
import { AppError } from '../../../util/errors';
import type { ImportFormatReader, ReadResult } from '../types';
import { basePathOf, convertPath } from './paths';
import { conformance } from './conforms';
import { dereferenceLocal } from './refs';
import { DEFAULT_SAMPLE_LIMITS, sampleSchema } from './sample';

type Obj = Record<string, unknown>;
type MockDraftInput = NonNullable<ProjectDraftInput['mocks']>[number];
type ResponseDraftInput = NonNullable<MockDraftInput['responses']>[number];
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Several named examples for one status become several responses, up to this many. */
const MAX_EXAMPLES_PER_STATUS = 20;
/** Values sampled over the whole document: past it, schema-only bodies are left empty (and listed). */
const DOCUMENT_SAMPLE_BUDGET = 5_000_000;

/**
 * OpenAPI 2.0 (Swagger), 3.0 and 3.1, JSON or YAML: a mock per operation, a response per
 * documented status (the first 2xx the default), bodies from the document's examples or
 * sampled from its schemas (./sample.ts). The document is trusted for nothing: refs are
 * never fetched (./refs.ts) and sampling is bounded per body and per document.
 */
export const openapiReader: ImportFormatReader = {
  id: 'openapi',
  label: 'OpenAPI 2.0/3.x document',
  detect: (doc) => isObj(doc.data) && (versionOf(doc.data.openapi) !== null || versionOf(doc.data.swagger) !== null),
  async read(doc, opts): Promise<ReadResult> {
    const what = doc.fileName ?? 'the document';
    if (!isObj(doc.data)) {
      throw new AppError('VALIDATION_ERROR', `${what} is not an OpenAPI document: it is neither JSON nor YAML`, {
        field: 'content',
        hint: 'an OpenAPI document is a JSON or YAML object with an "openapi" (3.x) or "swagger" (2.0) field',
      });
    }
    const data = doc.data;
    const swagger = versionOf(data.swagger);
    const openapi = versionOf(data.openapi);
    const v2 = swagger !== null && openapi === null;
    const version = openapi ?? swagger;
    if (version === null || (v2 ? !/^2(\.0)?$/.test(version) : !/^3\.[01](\.|$)/.test(version))) {
      throw new AppError(
        'VALIDATION_ERROR',
        `${what} declares ${v2 ? 'swagger' : 'openapi'} version "${version ?? ''}", which MockDeck does not read`,
        { field: 'content', hint: 'MockDeck reads OpenAPI 2.0 (swagger: "2.0"), 3.0 and 3.1 documents' },
      );
    }
    if (!isObj(data.paths) && !isObj(data.webhooks)) {
      throw new AppError('VALIDATION_ERROR', `${what} has no "paths": there is no operation to mock`, {
        field: 'content',
        hint: 'describe at least one operation under "paths", e.g. paths: { /pets: { get: … } }',
      });
    }

    const { skipped: refSkips } = await dereferenceLocal(data);
    const skipped: ImportSkip[] = [...refSkips];
    const warnings: string[] = [];
    const basePath = basePathOf(data, v2);
    const prefix = opts.basePath === 'drop' || basePath === null ? '' : basePath;
    const budget = { left: DOCUMENT_SAMPLE_BUDGET };
    const mismatches: string[] = [];

    const mocks: MockDraftInput[] = [];
    const routes = new Map<string, string>();
    const paths = isObj(data.paths) ? data.paths : {};
    for (const [rawPath, item] of Object.entries(paths)) {
      if (!isObj(item)) continue;
      for (const key of OPERATION_KEYS) {
        const op = item[key];
        if (!isObj(op)) continue;
        const method = key.toUpperCase();
        const where = `${method} ${rawPath}`;
        if (!(HTTP_METHODS as readonly string[]).includes(method)) {
          skipped.push({ where, what: 'operation', reason: `MockDeck serves ${HTTP_METHODS.join(', ')} only` });
          continue;
        }
        const converted = convertPath(rawPath);
        if ('problem' in converted) {
          skipped.push({ where, what: 'operation', reason: converted.problem });
          continue;
        }
        const path = joinPath(prefix, converted.path);
        const problem = mockPathProblem(path);
        if (problem) {
          skipped.push({ where, what: 'operation', reason: `its path cannot be a MockDeck path: ${problem}` });
          continue;
        }
        const route = `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
        const twin = routes.get(route);
        if (twin !== undefined) {
          skipped.push({ where, what: 'operation', reason: `it answers the same requests as ${twin}` });
          continue;
        }
        if (mocks.length >= MAX_DRAFT_MOCKS) {
          skipped.push({ where, what: 'operation', reason: `a project holds at most ${MAX_DRAFT_MOCKS} mocks` });
          continue;
        }
        routes.set(route, where);
        if (isObj(op.callbacks) && Object.keys(op.callbacks).length > 0) {
          skipped.push({
            where,
            what: `callbacks (${Object.keys(op.callbacks).join(', ')})`,
            reason: 'MockDeck answers requests; it does not call back',
          });
        }
        const produces = stringList(op.produces) ?? stringList(data.produces) ?? [];
        const responses = responsesOf(op, { v2, produces, where, skipped, budget, mismatches });
        mocks.push({
          name: clip(text(op.operationId) ?? text(op.summary) ?? where, 200),
          path,
          method: method as HttpMethod,
          description: clip([text(op.summary), text(op.description)].filter(Boolean).join('\n\n'), 5000),
          responseType: responses.type,
          // The document's default status always answers; other statuses are there to pick.
          responseMode: 'disable_rules',
          responses: responses.list,
        });
      }
    }
    if (isObj(data.webhooks) && Object.keys(data.webhooks).length > 0) {
      skipped.push({
        where: '#/webhooks',
        what: `webhooks (${Object.keys(data.webhooks).slice(0, 10).join(', ')})`,
        reason: 'webhooks are requests the API sends, not requests it answers',
      });
    }
    if (mismatches.length > 0) {
      warnings.push(
        `${mismatches.length} documented example(s) do not match their schema, e.g. ${mismatches.slice(0, 3).join('; ')}: those statuses answer a body sampled from the schema, the example kept as the next response`,
      );
    }
    if (mocks.length > 0) {
      warnings.push(
        'request parameters and bodies are not checked: each mock answers its default response; pick another in the app',
      );
    }
    const info = isObj(data.info) ? data.info : {};
    return {
      draft: {
        project: {
          name: clip(text(info.title) ?? doc.fileName ?? 'OpenAPI import', 100),
          description: clip(text(info.description) ?? '', 5000),
        },
        mocks,
      },
      basePath,
      skipped,
      warnings,
    };
  },
};

/** "3.0.3", 3.1 (unquoted in YAML) and 2 (swagger: 2.0 unquoted) alike. */
function versionOf(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : String(v);
  return null;
}

function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  return path === '/' ? prefix : `${prefix}${path}`;
}

interface ResponsesCtx {
  v2: boolean;
  produces: string[];
  where: string;
  skipped: ImportSkip[];
  budget: { left: number };
  /** Documented examples that contradict their schema ("GET /x response 200: missing required id"). */
  mismatches: string[];
}

interface Sampled {
  /** The example's summary or name; '' for the one body of a status. */
  name: string;
  body: string;
  mediaType: string | null;
  /** A MockDeck export's templated body (x-mockdeck-template): it stays a template. */
  template: boolean;
}

/** The operation's responses, the default (x-mockdeck-default, else the first 2xx) first. */
function responsesOf(op: Obj, ctx: ResponsesCtx): { type: ResponseType; list: ResponseDraftInput[] } {
  const documented = isObj(op.responses) ? Object.entries(op.responses) : [];
  const statuses = documented
    .map(([key, r]) => ({ key, status: statusOf(key, documented), r }))
    .filter((x): x is { key: string; status: number; r: unknown } => {
      if (x.status === null) {
        ctx.skipped.push({ where: `${ctx.where} response ${x.key}`, what: 'response', reason: 'not an HTTP status' });
        return false;
      }
      return true;
    });
  const marked = statuses.findIndex((s) => isObj(s.r) && s.r['x-mockdeck-default'] === true);
  const firstOk = statuses.findIndex((s) => s.status >= 200 && s.status < 300);
  const def = marked >= 0 ? marked : firstOk >= 0 ? firstOk : 0;
  const ordered = statuses.length > 0 ? [statuses[def]!, ...statuses.filter((_, i) => i !== def)] : [];
  if (ordered.length === 0) {
    return { type: 'json', list: [{ name: 'OK (no response documented)', statusCode: 200, isDefault: true }] };
  }
  const list: ResponseDraftInput[] = [];
  let type: ResponseType | null = null;
  for (const [i, { key, status, r }] of ordered.entries()) {
    const where = `${ctx.where} response ${key}`;
    const resp = isObj(r) ? r : {};
    const description = text(resp.description)?.split('\n')[0];
    const samples = bodiesOf(resp, ctx, where);
    const headers = headersOf(resp, ctx, where);
    for (const [j, s] of samples.entries()) {
      const rType = responseTypeOf(s.mediaType);
      type ??= rType;
      const h = { ...headers };
      if (s.mediaType !== null && s.mediaType !== MEDIA_OF[type]) h['Content-Type'] = s.mediaType;
      list.push({
        name: clip(s.name !== '' ? s.name : `${status} ${description ?? 'Response'}`, 200),
        statusCode: status,
        headers: h,
        body: s.body,
        isDefault: i === 0 && j === 0,
        // A body that happens to hold "{{" is the document's text, not a MockDeck template.
        disableTemplating: !s.template && s.body.includes('{{'),
      });
    }
  }
  return { type: type ?? 'json', list };
}

/** 200 for "2XX"; "default" is the success when nothing else is documented, else the error. */
function statusOf(key: string, all: [string, unknown][]): number | null {
  if (/^[1-5]\d\d$/.test(key)) return Number(key);
  if (/^[1-5]XX$/i.test(key)) return Number(key[0]) * 100;
  if (key === 'default') return all.some(([k]) => /^2/.test(k)) ? 500 : 200;
  return null;
}

const MEDIA_OF: Record<ResponseType, string> = {
  json: 'application/json',
  xml: 'application/xml',
  text: 'text/plain',
  html: 'text/html',
};

function responseTypeOf(mediaType: string | null): ResponseType {
  if (mediaType === null || isJson(mediaType)) return 'json';
  if (/xml/i.test(mediaType)) return 'xml';
  if (/html/i.test(mediaType)) return 'html';
  return 'text';
}

const isJson = (m: string): boolean => /(^|\/|\+)json\b/i.test(m) || m === '*/*';

/** The media types in preference order: JSON first, then text kinds MockDeck can send as written. */
function preferred(types: string[]): string | undefined {
  const score = (m: string): number =>
    isJson(m) ? 0 : /^text\/|xml|html/i.test(m) ? 1 : /x-www-form-urlencoded|yaml|csv/i.test(m) ? 2 : 3;
  return [...types].sort((a, b) => score(a) - score(b))[0];
}

function bodiesOf(resp: Obj, ctx: ResponsesCtx, where: string): Sampled[] {
  let mediaType: string | undefined;
  let media: Obj;
  if (ctx.v2) {
    const examples = isObj(resp.examples) ? resp.examples : {};
    const hasBody = resp.schema !== undefined || Object.keys(examples).length > 0;
    mediaType = hasBody ? (preferred([...Object.keys(examples), ...ctx.produces]) ?? 'application/json') : undefined;
    media = {
      schema: resp.schema,
      ...(mediaType !== undefined && mediaType in examples ? { example: examples[mediaType] } : {}),
    };
  } else {
    const content = isObj(resp.content) ? resp.content : {};
    mediaType = preferred(Object.keys(content));
    const m = mediaType !== undefined ? content[mediaType] : undefined;
    media = isObj(m) ? m : {};
  }
  if (mediaType === undefined) return [{ name: '', body: '', mediaType: null, template: false }];
  const json = isJson(mediaType);
  const type = json ? 'application/json' : mediaType;
  const out: Sampled[] = [];
  const push = (name: string, value: unknown, ex: Obj = {}): void => {
    const asText = typeof value === 'string' && (ex['x-mockdeck-raw'] === true || ex['x-mockdeck-template'] === true);
    const body = json && !asText ? JSON.stringify(value, null, 2) : typeof value === 'string' ? value : undefined;
    if (body === undefined) {
      ctx.skipped.push({ where, what: `${mediaType} example`, reason: 'a non-JSON example must be text to be sent' });
    } else if (body.length > MAX_BODY_LENGTH) {
      ctx.skipped.push({ where, what: 'example body', reason: 'larger than 5 MB, the most a response body holds' });
    } else {
      out.push({
        name,
        body,
        mediaType: mediaType === '*/*' ? type : mediaType!,
        template: ex['x-mockdeck-template'] === true,
      });
    }
  };
  const documented: [string, unknown, Obj][] = [];
  if (isObj(media.examples) && Object.keys(media.examples).length > 0) {
    for (const [name, ex] of Object.entries(media.examples).slice(0, MAX_EXAMPLES_PER_STATUS)) {
      if (isObj(ex) && 'value' in ex) documented.push([text(ex.summary) ?? name, ex.value, ex]);
      else if (isObj(ex) && typeof ex.externalValue === 'string') {
        ctx.skipped.push({
          where,
          what: `example ${name}`,
          reason: `its value is in ${ex.externalValue}, not fetched`,
        });
      }
    }
  }
  if (documented.length === 0 && 'example' in media && media.example !== undefined)
    documented.push(['', media.example, {}]);
  // An example that contradicts its own schema (GitHub has a hundred) would teach clients the
  // wrong shape: the status answers a sampled body, and the example follows as a response to pick.
  const first = documented[0];
  const problem = json && first && isObj(media.schema) ? conformance(first[1], media.schema) : null;
  if (problem !== null) {
    ctx.mismatches.push(`${where}: ${problem}`);
    sampleInto(media.schema as Obj, ctx, where, push);
    push(
      first![0] !== '' ? `${first![0]} (documented example, off-schema)` : 'documented example (off-schema)',
      first![1],
      first![2],
    );
    for (const d of documented.slice(1)) push(...d);
  } else {
    for (const d of documented) push(...d);
  }
  if (out.length === 0 && isObj(media.schema)) {
    const schema = media.schema;
    const textual = /^text\/|xml|html/i.test(mediaType) && /^(string)?$/.test(String(schema.type ?? ''));
    if (!json && (!textual || schema.format === 'binary')) {
      ctx.skipped.push({
        where,
        what: `${mediaType} body`,
        reason: 'no example, and MockDeck samples JSON and text only',
      });
    } else {
      sampleInto(schema, ctx, where, push);
    }
  }
  if (out.length === 0)
    out.push({ name: '', body: '', mediaType: mediaType === '*/*' ? type : mediaType, template: false });
  return out;
}

function sampleInto(schema: Obj, ctx: ResponsesCtx, where: string, push: (name: string, value: unknown) => void): void {
  if (ctx.budget.left <= 0) {
    ctx.skipped.push({ where, what: 'body', reason: 'the document is too large to sample every schema: add examples' });
    return;
  }
  const counter = { nodes: 0 };
  push('', sampleSchema(schema, { ...DEFAULT_SAMPLE_LIMITS, counter }));
  ctx.budget.left -= counter.nodes;
}

/** Documented response headers, with their example (or a sample of their schema) as the value. */
function headersOf(resp: Obj, ctx: ResponsesCtx, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(resp.headers)) return out;
  for (const [name, h] of Object.entries(resp.headers)) {
    if (!isObj(h) || /^content-type$/i.test(name)) continue;
    const schema = ctx.v2 ? h : isObj(h.schema) ? h.schema : {};
    const value = 'example' in h ? h.example : sampleSchema(schema);
    const str = typeof value === 'string' ? value : JSON.stringify(value);
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || str === undefined || !/^[\t\x20-\x7e\x80-\xff]*$/.test(str)) {
      ctx.skipped.push({ where, what: `header ${name}`, reason: 'its name or value cannot be sent in HTTP' });
      continue;
    }
    out[name] = str;
  }
  return out;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
