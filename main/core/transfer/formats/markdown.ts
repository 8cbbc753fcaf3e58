import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Code, Heading, List, Paragraph, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { ImportSkip, ResponseType } from '../../../../shared/models';
import { AppError } from '../../util/errors';
import { MockCollector, toMockPath, type CollectedResponse } from './mock-collector';
import type { ImportFormatReader, ReadOptions, ReadResult, SourceDocument } from './types';

/**
 * Markdown API references (the documents in docs/reference/, README "API" sections): the
 * document is parsed into an mdast tree (the renderer's remark stack, GFM tables included)
 * and walked top to bottom. Endpoints are found where such documents put them — a heading
 * carrying the method (`### \`GET /auth/me\``), a paragraph (`**POST** \`/path\``) or the
 * lines of a code fence (```http or plain, several per fence); the sections that follow an
 * endpoint give its responses: a "Response" line with its status and the JSON block under it,
 * "Errors" tables and lists of statuses.
 */

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT';
/** In headings and paragraphs: the method, the path or URL, and maybe prose after it. */
const PROSE_ENDPOINT = new RegExp(`^(${METHODS})\\s+((?:https?://|/)\\S*)(?:\\s+(.*))?$`);
/** In code fences: a request line and nothing else (an HTTP version may follow). */
const FENCE_ENDPOINT = new RegExp(`^(${METHODS})\\s+((?:https?://|/)\\S*)(?:\\s+HTTP/[\\d.]+)?\\s*$`);
const ANY_METHOD = /^\{?\s*ANY(?:\s+METHOD)?\s*\}?\s+(\/\S*)/i;
const STATUS = /\b([1-5]\d\d)\b(?:\s+([A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*)*))?/;
/** Fence languages whose content can be a response body. */
const BODY_LANGS = new Set(['', 'json', 'jsonc', 'json5', 'javascript', 'js']);

/** Bounds the work one document can cause (a 64 MiB document of endpoint lines). */
const MAX_ENDPOINTS = 5000;

interface Endpoint {
  method: string;
  rawPath: string;
  where: string;
  name: string;
  /** The heading the endpoint sits under ("Get Pipeline"): what "(same as Get Pipeline)" names. */
  title: string;
  description: string;
  responses: CollectedResponse[];
  /** "(same as Get Pipeline)": the body is the named endpoint's, resolved after the walk. */
  sameAs: { title: string; status: number }[];
}

/** What the next block under an endpoint belongs to. */
type Awaiting =
  { kind: 'none' } | { kind: 'request' } | { kind: 'response'; response: CollectedResponse } | { kind: 'errors' };

export const markdownReader: ImportFormatReader = {
  id: 'markdown',
  label: 'Markdown API reference',
  // Text that starts like JSON is broken JSON, not Markdown: the registry then names the JSON error.
  detect: (doc) => doc.data === undefined && !/^\s*[{[]/.test(doc.text) && hasEndpointLine(doc.text),
  read: readMarkdown,
};

function hasEndpointLine(text: string): boolean {
  // Cheap and line-based on purpose: detection runs on every `auto` import.
  const line = new RegExp(`^[#>*\`\\s]*(?:\\*\\*)?(${METHODS})(?:\\*\\*)?\`?\\s+\`?(?:https?://|/)`, 'm');
  return line.test(text.slice(0, 2 * 1024 * 1024));
}

function readMarkdown(doc: SourceDocument, opts: ReadOptions): ReadResult {
  const tree: Root = fromMarkdown(doc.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const walk = new Walk(doc.fileName ?? 'the document');
  for (const node of tree.children) walk.visit(node);
  const endpoints = walk.endpoints;
  if (endpoints.length === 0) {
    throw new AppError('VALIDATION_ERROR', `${doc.fileName ?? 'the document'} has no endpoint MockDeck can read`, {
      field: 'content',
      hint: 'write each endpoint on a line of its own, e.g. `GET /users/{id}` in a code fence, a heading such as ### `GET /users`, or **POST** `/users`',
    });
  }
  resolveSameAs(endpoints, walk.warnings);

  const base = walk.basePath;
  // drop: paths as the document writes them.
  const prefix = opts.basePath === 'drop' ? null : base;
  const collector = new MockCollector();
  let alreadyPrefixed = 0;
  for (const e of endpoints) {
    let path = e.rawPath;
    const relative = toMockPath(path);
    if (prefix && 'path' in relative) {
      if (relative.path === prefix || relative.path.startsWith(`${prefix}/`)) alreadyPrefixed++;
      else path = `${prefix}${relative.path === '/' ? '' : relative.path}`;
    }
    collector.add(e.where, e.method, path, { name: e.name, description: e.description, responses: e.responses });
  }
  const warnings = [...walk.warnings, ...collector.warnings];
  if (prefix && alreadyPrefixed > 0) {
    warnings.push(`${alreadyPrefixed} endpoint(s) already carry the base path ${base}: it is not added twice`);
  }
  return {
    draft: {
      project: { name: walk.title ?? nameOfFile(doc.fileName) ?? 'Markdown API', description: walk.intro },
      mocks: collector.drafts(),
    },
    basePath: base,
    skipped: [...walk.skipped, ...collector.skipped],
    warnings,
  };
}

/**
 * Walks the top-level blocks in order. A heading without an endpoint closes the current one
 * (what follows it documents something else); a heading or line with an endpoint opens one.
 */
class Walk {
  readonly endpoints: Endpoint[] = [];
  readonly skipped: ImportSkip[] = [];
  readonly warnings: string[] = [];
  title: string | undefined;
  intro = '';
  basePath: string | null = null;
  private section = '';
  private sectionUsed = false;
  private current: Endpoint | null = null;
  /** The heading level the current endpoint lives at: a deeper heading ("#### Condition Object") stays inside it. */
  private currentDepth = 0;
  /** Inside the section of an endpoint that was skipped (any method): its example lines are not endpoints. */
  private skippedDepth = 0;
  private sectionDepth = 0;
  private awaiting: Awaiting = { kind: 'none' };
  private baseUrlSection = false;
  private tooMany = false;

  constructor(private readonly docName: string) {}

  visit(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        return this.heading(node);
      case 'paragraph':
        return this.paragraph(node);
      case 'code':
        return this.code(node);
      case 'table':
        return this.table(node);
      case 'list':
        return this.list(node);
      default:
        return;
    }
  }

  private at(node: RootContent): string {
    return `line ${node.position?.start.line ?? '?'}`;
  }

  private heading(node: Heading): void {
    const text = toString(node).trim();
    this.awaiting = { kind: 'none' };
    if (node.depth === 1 && this.title === undefined) {
      this.title = text.slice(0, 200);
      return;
    }
    this.baseUrlSection = /^base url\b/i.test(text);
    if (this.skippedDepth > 0 && node.depth <= this.skippedDepth) this.skippedDepth = 0;
    const any = ANY_METHOD.exec(text);
    if (any) {
      this.current = null;
      this.skippedDepth = node.depth;
      this.skipAny(node, text);
      return;
    }
    const m = PROSE_ENDPOINT.exec(text);
    if (m) {
      this.sectionDepth = node.depth;
      this.open(node, m[1]!, m[2]!, `${m[1]} ${m[2]!.replace(/[?#].*$/, '')}`, this.section);
      return;
    }
    if (this.current && node.depth > this.currentDepth) return;
    this.current = null;
    this.section = text.replace(/^\d+(\.\d+)*\.?\s+/, '');
    this.sectionDepth = node.depth;
    this.sectionUsed = false;
  }

  private paragraph(node: Paragraph): void {
    const text = toString(node).trim();
    const firstLine = text.split('\n')[0]!.trim();
    if (this.title !== undefined && this.intro === '' && this.endpoints.length === 0 && !/:/.test(firstLine)) {
      this.intro = text.slice(0, 5000);
    }
    if (this.basePath === null && (/^base url\b/i.test(text) || this.baseUrlSection)) this.readBaseUrl(node);

    const m = PROSE_ENDPOINT.exec(firstLine);
    // `GET /users` as a line of its own, or led by code or bold: prose ("GET /x returns…") is not an endpoint.
    if (m && (startsWithCodeOrStrong(node) || FENCE_ENDPOINT.test(firstLine))) {
      this.open(node, m[1]!, m[2]!, this.unusedSection() ?? `${m[1]} ${m[2]}`, this.section);
      return;
    }
    if (ANY_METHOD.test(firstLine) && startsWithCodeOrStrong(node)) {
      this.current = null;
      this.skipAny(node, firstLine);
      return;
    }
    const e = this.current;
    const label = firstLine.replace(/^[*_]+/, '');
    if (/^(example\s+)?response\b/i.test(label)) {
      if (!e) return this.skipOrphan(node, firstLine);
      const status = STATUS.exec(firstLine);
      const response: CollectedResponse = {
        name: status ? `${status[1]}${status[2] ? ` ${status[2]}` : ''}` : 'Response',
        statusCode: status ? Number(status[1]) : UNSTATED_STATUS,
        headers: {},
        body: '',
        responseType: 'json',
      };
      if (!status && /redirect/i.test(firstLine)) {
        this.skipped.push({
          where: e.where,
          what: `${e.method} ${e.rawPath}: "${firstLine}"`,
          reason:
            'the document does not say where it redirects to; the mock answers 200 until you add a 302 with a Location header',
        });
      }
      e.responses.push(response);
      const same = /same (?:structure )?as ([^)]+)\)/i.exec(firstLine);
      if (same) e.sameAs.push({ title: same[1]!.trim(), status: response.statusCode });
      this.awaiting = { kind: 'response', response };
      return;
    }
    if (/^(request|body|payload)\b/i.test(label)) {
      this.awaiting = { kind: 'request' };
      return;
    }
    if (/^(errors?|error responses?|status codes?)\b/i.test(label)) {
      this.awaiting = e ? { kind: 'errors' } : { kind: 'none' };
      return;
    }
    // "**400 Bad Request**" alone on its line, a JSON block under it.
    const bare = /^\*{0,2}`?([1-5]\d\d)`?\s+[A-Z][\w ]*\*{0,2}:?$/.exec(firstLine);
    if (bare) {
      if (!e) return this.skipOrphan(node, firstLine);
      const response: CollectedResponse = {
        name: label.replace(/[*`:]/g, '').trim(),
        statusCode: Number(bare[1]),
        headers: {},
        body: '',
        responseType: 'json',
      };
      e.responses.push(response);
      this.awaiting = { kind: 'response', response };
      return;
    }
    if (e && e.description === '' && this.awaiting.kind === 'none' && !/^\*\*[^*]+:?\*\*/.test(text)) {
      e.description = text.slice(0, 2000);
    }
    // Prose between a "Response" line and its block ("returns the created object") keeps the wait.
    if (this.awaiting.kind !== 'response') this.awaiting = { kind: 'none' };
  }

  private code(node: Code): void {
    const lang = (node.lang ?? '').toLowerCase();
    const lines = node.value.split('\n').map((l) => l.trim());
    const requestLines = lines.map((l) => FENCE_ENDPOINT.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    if (requestLines.length > 0 && (lang === '' || lang === 'http' || lang === 'text' || lang === 'txt')) {
      if (this.skippedDepth > 0) {
        this.skipped.push({
          where: this.at(node),
          what: requestLines.map((m) => `${m[1]} ${m[2]}`).join(', '),
          reason: 'example calls of the endpoint above, which was not imported',
        });
        return;
      }
      const several = requestLines.length > 1;
      const title = this.unusedSection();
      for (const m of requestLines) {
        this.open(
          node,
          m[1]!,
          m[2]!,
          several || !title ? `${m[1]} ${m[2]!.replace(/[?#].*$/, '')}` : title,
          this.section,
        );
      }
      return;
    }
    const awaiting = this.awaiting;
    if (awaiting.kind === 'response' && BODY_LANGS.has(lang)) {
      const body = bodyOf(node.value);
      awaiting.response.body = body.text;
      awaiting.response.responseType = body.type;
      if (body.note && this.current) {
        this.warnings.push(`${this.current.method} ${this.current.rawPath} (${this.at(node)}): ${body.note}`);
      }
    }
    this.awaiting = { kind: 'none' };
  }

  private table(node: Table): void {
    const rows = node.children.map((r) => r.children.map((c) => toString(c).trim()));
    const header = (rows[0] ?? []).map((h) => h.toLowerCase());
    const methodCol = header.indexOf('method');
    const pathCol = header.findIndex((h) => h === 'path' || h === 'endpoint' || h === 'route' || h === 'url');
    if (methodCol >= 0 && pathCol >= 0) {
      // A quick-reference table: it adds the endpoints no section documents (the collector merges the others).
      this.current = null;
      for (const row of rows.slice(1)) {
        const method = (row[methodCol] ?? '').replace(/`/g, '').toUpperCase();
        const path = (row[pathCol] ?? '').replace(/`/g, '');
        if (!path.startsWith('/')) continue;
        if (!new RegExp(`^(${METHODS})$`).test(method)) {
          this.skipped.push({
            where: this.at(node),
            what: `${method} ${path}`,
            reason: 'the table names no single HTTP method; add one mock per method the route answers',
          });
          continue;
        }
        const descCol = header.findIndex((h) => /description|summary/.test(h));
        this.push(node, method, path, `${method} ${path}`, this.section, descCol >= 0 ? (row[descCol] ?? '') : '');
      }
      return;
    }
    const statusCol = header.findIndex((h) => /^(status|http|code|status code)$/.test(h));
    const e = this.current;
    if (statusCol < 0) return;
    if (!e) return this.skipOrphan(node, `table of statuses (${rows.length - 1} rows)`);
    const reasonCol = header.findIndex((h, i) => i !== statusCol && /reason|meaning|description|message/.test(h));
    for (const row of rows.slice(1)) {
      const status = /^`?([1-5]\d\d)`?$/.exec(row[statusCol] ?? '');
      if (!status) continue;
      addStatus(e, Number(status[1]), reasonCol >= 0 ? (row[reasonCol] ?? '') : '');
    }
    this.awaiting = { kind: 'none' };
  }

  private list(node: List): void {
    const e = this.current;
    if (this.awaiting.kind !== 'errors' || !e) return;
    for (const item of node.children) {
      const text = toString(item).trim();
      const m = /^`?([1-5]\d\d)`?\s*[-–—:]?\s*(.*)$/s.exec(text);
      if (m) addStatus(e, Number(m[1]), m[2]!.trim());
    }
    this.awaiting = { kind: 'none' };
  }

  private open(node: RootContent, method: string, rawPath: string, name: string, title: string): void {
    this.push(node, method, rawPath, name, title, '');
    this.current = this.endpoints[this.endpoints.length - 1] ?? null;
    this.currentDepth = this.sectionDepth;
    this.sectionUsed = true;
    this.awaiting = { kind: 'none' };
  }

  private push(node: RootContent, method: string, rawPath: string, name: string, title: string, description: string) {
    if (this.endpoints.length >= MAX_ENDPOINTS) {
      if (!this.tooMany) {
        this.tooMany = true;
        this.warnings.push(`only the first ${MAX_ENDPOINTS} endpoints of ${this.docName} were read`);
      }
      return;
    }
    this.endpoints.push({
      method,
      rawPath,
      where: this.at(node),
      name,
      title,
      description,
      responses: [],
      sameAs: [],
    });
  }

  /** The section heading as a mock name, once: the second endpoint under it gets METHOD path. */
  private unusedSection(): string | undefined {
    return this.section && !this.sectionUsed ? this.section : undefined;
  }

  private skipAny(node: RootContent, text: string): void {
    this.skipped.push({
      where: this.at(node),
      what: text.slice(0, 200),
      reason: 'the endpoint answers any method on a wildcard path; create the mocks it should answer one by one',
    });
  }

  /** A status documented outside any endpoint ("All endpoints may return…"): not attached to each mock. */
  private skipOrphan(node: RootContent, line: string): void {
    this.skipped.push({
      where: this.at(node),
      what: `"${line.replace(/\*/g, '').slice(0, 200)}"`,
      reason: `documented for no single endpoint (section "${this.section}"); add it to the mocks that need it`,
    });
    this.awaiting = { kind: 'none' };
  }

  /** "**Base URL:** `https://api.example.com/v1`", or the first path or URL in a "Base URL" section. */
  private readBaseUrl(node: Paragraph): void {
    for (const child of node.children) {
      const value = child.type === 'inlineCode' ? child.value : child.type === 'link' ? child.url : undefined;
      if (!value) continue;
      const url = /^https?:\/\/[^/\s]+(\/[^\s?#]*)?/i.exec(value);
      const path = url ? (url[1] ?? '') : value.startsWith('/') ? value : undefined;
      if (path === undefined) continue;
      const made = toMockPath(path);
      this.basePath = 'path' in made && made.path !== '/' ? made.path : null;
      return;
    }
  }
}

function startsWithCodeOrStrong(node: Paragraph): boolean {
  const first = node.children[0];
  return first?.type === 'inlineCode' || first?.type === 'strong';
}

/** A "Response" line without a status: the document's success status is not known, 200 is the safe reading. */
const UNSTATED_STATUS = 200;

function addStatus(e: Endpoint, status: number, reason: string): void {
  if (e.responses.some((r) => r.statusCode === status)) return;
  e.responses.push({
    name: `${status}${reason ? ` ${reason.replace(/`/g, '')}` : ''}`.slice(0, 200),
    statusCode: status,
    headers: {},
    body: '',
    responseType: 'json',
  });
}

/**
 * A response body from a code block: JSON as written; JSON with comments or trailing commas
 * (jsonc-parser) as the JSON it means; anything else — placeholders such as `{ ... }` or
 * `[...]` — as written text, so the mock answers exactly what the document shows.
 */
export function bodyOf(text: string): { text: string; type: ResponseType; note?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { text: '', type: 'json' };
  try {
    JSON.parse(trimmed);
    return { text: trimmed, type: 'json' };
  } catch {
    // not strict JSON: maybe JSON with comments
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(trimmed, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length === 0 && value !== undefined) {
    return {
      text: JSON.stringify(value, null, 2),
      type: 'json',
      note: 'comments and trailing commas removed from the example body',
    };
  }
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  return {
    text: trimmed,
    type: looksJson ? 'json' : 'text',
    note: looksJson ? 'example body is not JSON (placeholders such as { ... }): kept as written' : undefined,
  };
}

/** "(same as Get Pipeline)": the named endpoint's body for the same status. */
function resolveSameAs(endpoints: Endpoint[], warnings: string[]): void {
  for (const e of endpoints) {
    for (const ref of e.sameAs) {
      const target = endpoints.find((o) => o !== e && o.title.toLowerCase() === ref.title.toLowerCase());
      const source = target?.responses.find((r) => r.statusCode === ref.status && r.body !== '');
      const mine = e.responses.find((r) => r.statusCode === ref.status);
      if (source && mine && mine.body === '') {
        mine.body = source.body;
        mine.responseType = source.responseType;
      } else if (!source) {
        warnings.push(
          `${e.method} ${e.rawPath}: "same as ${ref.title}" names no documented example; the response is empty`,
        );
      }
    }
  }
}

function nameOfFile(fileName: string | undefined): string | undefined {
  const base = fileName
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.(md|markdown|txt)$/i, '');
  return base ? base.slice(0, 200) : undefined;
}
