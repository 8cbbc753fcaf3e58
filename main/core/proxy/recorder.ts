import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import {
  SPEC_METHODS,
  firstHeader,
  headerMapSchema,
  normalizeMockPath,
  type HeaderMap,
  type HttpMethod,
  type Mock,
  type Project,
  type RecordingStatus,
  type ResponseType,
} from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import type { Store } from '../store/store';
import type { Logger } from '../util/logger';
import { NOT_KEPT_RESPONSE_HEADERS, RECORDER_ALSO_DROPS } from '../util/recorded-headers';
import type { InHeaders, OutHeaders } from './forward-headers';
import { generalizePath } from './generalize';

/** A body larger than this is passed through but not recorded (a mock body is at most 5 MB of text; a recording is a sample). */
export const MAX_RECORDED_BODY = 1024 * 1024;

export interface RecordedMock {
  projectId: string;
  mockId: string;
  method: HttpMethod;
  path: string;
  status: number;
}

export interface SkippedRecording {
  projectId: string;
  method: string;
  path: string;
  reason: string;
}

export interface RecordListener {
  recorded?(m: RecordedMock): void;
  skipped?(s: SkippedRecording): void;
}

/** What the proxy stage hands over when the upstream's headers arrived for a request in record mode. */
export interface Observation {
  project: Project;
  method: string;
  /** The request path after the project prefix, as sent (percent-encoding kept). */
  path: string;
  upstream: string;
  status: number;
  headers: OutHeaders;
  requestHeaders: InHeaders;
  body: Readable;
}

/**
 * Record mode: turns each new method + path an upstream answers into a mock with that
 * answer. It watches the body as it streams to the client (a copy of at most
 * MAX_RECORDED_BODY bytes) and writes the mock through the catalog after the body ended, in
 * a later turn of the event loop, never on the serving path. One recording per method +
 * path: a key in flight is not collected twice (concurrent identical requests), and the
 * write checks the project's mocks in its transaction (an earlier recording, a user's mock
 * that is switched off). Credentials never reach the catalog: Set-Cookie is dropped, and the
 * request's Authorization and Cookie values are cut out of whatever is stored (an upstream
 * that echoes them).
 */
export class Recorder {
  private readonly inFlight = new Set<string>();
  private readonly status = new Map<string, RecordingStatus>();
  private readonly listeners = new Set<RecordListener>();
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly catalog: Catalog,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /** Hears every recording and every skip; returns how to stop. */
  listen(l: RecordListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  statusOf(projectId: string): RecordingStatus {
    return this.status.get(projectId) ?? { projectId, recorded: 0, skipped: 0, recent: [] };
  }

  /** Resolves once every recording whose body has ended is written (tests, the CLI's summary). */
  async settled(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  observe(o: Observation): void {
    const method = o.method as HttpMethod;
    const path = normalizeMockPath(o.project.recordGeneralizeIds ? generalizePath(o.path) : o.path);
    // Only the spec's five methods are recorded; HEAD, OPTIONS (preflights) and the rest are
    // passed through only (docs/proxy.md): no skip is counted or logged, or every HEAD request
    // would add a line to the app log.
    if (!(SPEC_METHODS as readonly string[]).includes(method)) return;
    const key = `${o.project.id} ${method} ${path}`;
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    o.body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_RECORDED_BODY) chunks.push(chunk);
      else chunks.length = 0;
    });
    // A 'data' listener starts the flow; the client's pipe is attached a few microtasks later
    // and resumes it, so no chunk can pass before the client gets it too.
    o.body.pause();
    o.body.once('end', () => {
      ended = true;
      const write = new Promise<void>((resolve) =>
        setImmediate(() => {
          try {
            this.write(o, method, path, size > MAX_RECORDED_BODY ? null : Buffer.concat(chunks));
          } finally {
            this.inFlight.delete(key);
            this.writes.delete(write);
            resolve();
          }
        }),
      );
      this.writes.add(write);
    });
    // A body cut off (client gone, upstream failed) is not a response worth a mock.
    o.body.once('close', () => {
      if (!ended) this.inFlight.delete(key);
    });
  }

  private write(o: Observation, method: HttpMethod, path: string, body: Buffer | null): void {
    const projectId = o.project.id;
    if (body === null) return this.skip(projectId, method, path, `its body is larger than ${MAX_RECORDED_BODY} bytes`);
    if (!isUtf8(body))
      return this.skip(projectId, method, path, 'its body is binary (a mock body is text): it is passed through only');
    const secrets = secretValues(o.requestHeaders, o.headers);
    const text = scrub(body.toString('utf8'), secrets);
    const headers = recordedHeaders(o.headers, secrets);
    let created: Mock | null;
    try {
      created = this.store.tx(() => {
        const taken = this.store.mocks.listByProject(projectId).some((m) => m.method === method && m.path === path);
        if (taken) return null;
        return (
          this.catalog.trees.addMocks(projectId, [
            {
              name: `${method} ${path}`.slice(0, 200),
              path,
              method,
              description: `Recorded from ${o.upstream}`,
              responseType: responseTypeOf(firstHeader(headers, 'content-type')),
              responses: [{ name: 'Recorded', statusCode: o.status, headers, body: text, isDefault: true }],
            },
          ])[0] ?? null
        );
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return this.skip(projectId, method, path, message);
    }
    if (created === null) return;
    const s = this.entry(projectId);
    s.recorded++;
    s.recent.push({ method, path, status: o.status, mockId: created.id });
    if (s.recent.length > 50) s.recent.shift();
    const rec: RecordedMock = { projectId, mockId: created.id, method, path, status: o.status };
    for (const l of this.listeners) l.recorded?.(rec);
  }

  private skip(projectId: string, method: string, path: string, reason: string): void {
    this.entry(projectId).skipped++;
    for (const l of this.listeners) l.skipped?.({ projectId, method, path, reason });
    this.logger.warn(`record: ${method} ${path} was not recorded: ${reason}`);
  }

  private entry(projectId: string): RecordingStatus {
    let s = this.status.get(projectId);
    if (!s) this.status.set(projectId, (s = { projectId, recorded: 0, skipped: 0, recent: [] }));
    return s;
  }
}

/** The credential values of this exchange: the request's Authorization and Cookie (and each cookie's value), the response's Set-Cookie. */
function secretValues(req: InHeaders, res: OutHeaders): string[] {
  const values: string[] = [];
  const add = (v: string | string[] | undefined) => {
    for (const s of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (s.length >= 4) values.push(s);
  };
  add(req.authorization);
  const auth = req.authorization;
  // "Bearer abc…": the token alone, in case an upstream echoes it without its scheme.
  if (typeof auth === 'string' && auth.includes(' ')) add(auth.slice(auth.indexOf(' ') + 1).trim());
  add(req.cookie);
  add(res['set-cookie']);
  for (const c of [req.cookie, res['set-cookie']].flat()) {
    if (typeof c !== 'string') continue;
    for (const pair of c.split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) add(pair.slice(eq + 1).trim());
    }
  }
  // Longest first, so a whole value is cut before a part of it.
  return values.sort((a, b) => b.length - a.length);
}

function scrub(text: string, secrets: readonly string[]): string {
  for (const s of secrets) if (text.includes(s)) text = text.split(s).join('[redacted]');
  return text;
}

function recordedHeaders(headers: OutHeaders, secrets: readonly string[]): HeaderMap {
  const out: HeaderMap = {};
  for (const name in headers) {
    // Set-Cookie is dropped here (never stored), unlike the HAR importer: see recorded-headers.ts.
    if (NOT_KEPT_RESPONSE_HEADERS.has(name) || RECORDER_ALSO_DROPS.has(name)) continue;
    const v = headers[name]!;
    // A header the upstream repeated stays repeated: a list, sent again as separate lines.
    const one = { [name]: Array.isArray(v) ? v.map((line) => scrub(line, secrets)) : scrub(v, secrets) };
    // A header a mock could not be saved with (non-Latin-1 text…) is left out, not the whole recording.
    if (headerMapSchema.safeParse(one).success) Object.assign(out, one);
  }
  return out;
}

function responseTypeOf(contentType: string | undefined): ResponseType {
  const t = (contentType ?? '').toLowerCase();
  if (t.includes('json')) return 'json';
  if (t.includes('xml')) return 'xml';
  if (t.includes('html')) return 'html';
  return 'text';
}
