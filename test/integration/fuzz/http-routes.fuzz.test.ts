import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { HTTP_METHODS, RESPONSE_MODES, RESPONSE_TYPES } from '../../../shared/models';
import { seeded } from '../../unit/engine/fixtures';
import {
  body,
  condition,
  deepJson,
  headers,
  hostileJsonValue,
  hostileText,
  jsonBodyText,
  pathSegment,
  percentEncode,
  PROTO_NAMES,
  queryString,
} from './hostile';

/**
 * Property-based fuzzing of the real server over real HTTP (issue 18, item 5): hostile
 * requests to the mock execution routes and to every management route. Each property
 * asserts that no request gets a 5xx or goes unanswered; afterwards the server must still
 * answer, and the 99th percentile of the latencies must stay under a second.
 *
 * Bounded and reproducible: FUZZ_RUNS requests per property (default 250) from FUZZ_SEED
 * (default 18). A failure prints the seed, the fast-check path and the shrunk request;
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/integration/fuzz` replays it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 18);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const PATH = process.env.FUZZ_PATH;
const TOKEN = 'fuzz-token-0123456789abcdef';
/** No answer within this is a hang, reported as a failure (it is far above any sane latency). */
const ANSWER_TIMEOUT_MS = 10_000;

interface Sent {
  method: string;
  path: string;
  headers: [string, string][];
  body?: Buffer | undefined;
}
interface Answer {
  status: number;
  ms: number;
  /** The first bytes of the body, to explain a failure. */
  head: string;
}

let app: App;
let port: number;
// A connection per request: a server that drops one is seen, and no request inherits another's socket.
const agent = new http.Agent({ keepAlive: false });

/** One request with node:http (fetch would normalise the path and refuse some methods and headers). */
function send(req: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const r = http.request({
      host: '127.0.0.1',
      port,
      method: req.method,
      path: req.path,
      agent,
      timeout: ANSWER_TIMEOUT_MS,
    });
    for (const [name, value] of req.headers) r.setHeader(name, value);
    // Node frames a GET's body with neither Content-Length nor chunks: the server would read it as the next request.
    if (req.body !== undefined) r.setHeader('content-length', req.body.length);
    let status: number | undefined;
    r.on('response', (res) => {
      status = res.statusCode;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < 400) chunks.push(c);
        size += c.length;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          head: Buffer.concat(chunks).toString('utf8', 0, 400),
        }),
      );
      res.on('error', reject);
    });
    r.on('timeout', () => r.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    r.on('error', (e) => {
      // The server answered, then the client could not read the rest: a 431 to a HEAD comes
      // with a body (the server cannot know the method of a request it could not parse).
      if (status !== undefined)
        resolve({ status, ms: performance.now() - started, head: `(unreadable: ${e.message})` });
      else reject(e);
    });
    r.end(req.body);
  });
}

/** Runs the property; on failure, says how to replay it. */
async function check(name: string, property: fc.IAsyncProperty<[Sent]>): Promise<void> {
  const details = await fc.check(property, { seed: SEED, numRuns: RUNS, ...(PATH ? { path: PATH } : {}) });
  if (details.failed) {
    const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run test/integration/fuzz`;
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    // Long counterexamples (a 50,000-level body) are cut: the replay command regenerates them whole.
    const report = (fc.defaultReportMessage(details) ?? '').slice(0, 3000);
    throw new Error(`${name}: ${cause.slice(0, 1000)}\n${report}\nreplay it: ${replay}`);
  }
}

/** What a property's requests got: latencies, and how many answers of each status class. */
interface Seen {
  latencies: number[];
  classes: Record<string, number>;
}
const seen = (): Seen => ({ latencies: [], classes: {} });

/** The property every request must satisfy; what it got goes to `into`. */
const answered = (into: Seen, onAnswer?: (a: Answer) => void) => async (req: Sent) => {
  let a: Answer;
  try {
    a = await send(req);
  } catch (e) {
    throw new Error(`${req.method} ${req.path.slice(0, 200)} got no answer: ${(e as Error).message}`, { cause: e });
  }
  into.latencies.push(a.ms);
  const cls = `${Math.floor(a.status / 100)}xx`;
  into.classes[cls] = (into.classes[cls] ?? 0) + 1;
  if (a.status >= 500 || a.status < 100) {
    throw new Error(`${req.method} ${req.path.slice(0, 200)} → ${a.status}: ${a.head}`);
  }
  onAnswer?.(a);
};

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** The server still serves a mock and the management API after the fuzzing. */
async function stillAnswers(): Promise<void> {
  const mock = await send({ method: 'GET', path: '/m/fz/users', headers: [] });
  expect([mock.status, mock.head]).toEqual([200, '[]']);
  const api = await send({ method: 'GET', path: '/projects', headers: [['authorization', `Bearer ${TOKEN}`]] });
  expect(api.status).toBe(200);
}

/** Scratch projects the management fuzzing edits and deletes: ids it can hit. */
const ids = { projects: [] as string[], mocks: [] as string[], responses: [] as string[] };

/** What the fuzzing creates joins the pool, so that a long run does not end up all 404s once it deleted the scratch objects. */
function harvestIds(a: Answer): void {
  if (a.status !== 201) return;
  for (const [, kind, found] of a.head.matchAll(/"(project|mock|response)_id":"([0-9a-f-]{36})"/g)) {
    ids[kind === 'project' ? 'projects' : kind === 'mock' ? 'mocks' : 'responses'].push(found!);
  }
}

beforeAll(async () => {
  app = await openApp({ dataDir: null, port: 0, apiToken: TOKEN, random: seeded(18), logFlushMs: 50 });
  const state = await app.server.start();
  port = Number(new URL(state.url!).port);
  const { catalog } = app;
  // The execution target: conditions of every type on hostile names, path params, a deep-body reader.
  const p = catalog.projects.create({ name: 'Fuzz', slug: 'fz' });
  catalog.responses.create(catalog.mocks.create(p.id, { name: 'users', method: 'GET', path: '/users' }).id, {
    body: '[]',
  });
  for (const method of HTTP_METHODS) {
    const m = catalog.mocks.create(p.id, { name: `items ${method}`, method, path: '/items/{id}' });
    for (const field of [...PROTO_NAMES, 'id', 'data', '$']) {
      catalog.responses.create(m.id, {
        name: field,
        body: field,
        conditions: [
          { type: 'header', field, operator: 'exists', value: '' },
          { type: 'query', field, operator: 'not_equals', value: 'x' },
          { type: 'path', field, operator: 'regex', value: '^a.c' },
          { type: 'body', field, operator: 'contains', value: 'x' },
        ],
      });
      catalog.responses.create(m.id, {
        name: `${field} gt`,
        conditions: [{ type: 'body', field, operator: 'gt', value: '1' }],
      });
    }
    catalog.responses.create(m.id, { name: 'default', body: 'default', isDefault: true });
  }
  const deep = catalog.mocks.create(p.id, { name: 'deep', method: 'POST', path: '/deep' });
  catalog.responses.create(deep.id, {
    body: 'hit',
    conditions: [{ type: 'body', field: 'data', operator: 'contains', value: 'x' }],
  });
  catalog.responses.create(deep.id, { body: 'miss' });
  const params = catalog.mocks.create(p.id, { name: 'params', method: 'GET', path: '/p/{constructor}/{__proto__}' });
  catalog.responses.create(params.id, {
    conditions: [{ type: 'path', field: '__proto__', operator: 'ends_with', value: 'x' }],
  });
  catalog.mocks.create(p.id, { name: 'empty', method: 'GET', path: '/empty' });

  for (let i = 0; i < 3; i++) {
    const sp = catalog.projects.create({ name: `Scratch ${i}` });
    ids.projects.push(sp.id);
    for (let j = 0; j < 2; j++) {
      const m = catalog.mocks.create(sp.id, { name: `m${j}`, method: 'GET', path: `/m${j}/{id}` });
      ids.mocks.push(m.id);
      for (let k = 0; k < 2; k++) ids.responses.push(catalog.responses.create(m.id, { name: `r${k}`, body: '{}' }).id);
    }
  }
});
afterAll(async () => {
  agent.destroy();
  await app?.close();
});

/* ---------------------------------------------------------------- mock execution */

const MOCK_PATHS = ['/users', '/items/{}', '/items/{}/more', '/deep', '/p/{}/{}', '/empty', '', '/'];

// Plain parameters too, so that requests get past the router to the conditions.
const templateSegment = fc.oneof(pathSegment, fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('abc', 'x'));

const executionRequest: fc.Arbitrary<Sent> = fc
  .record({
    method: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HTTP_METHODS) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'get', 'PROPFIND', 'PURGE', 'SEARCH', 'QUERY', 'M-SEARCH'),
      },
    ),
    slug: fc.oneof({ weight: 5, arbitrary: fc.constant('fz') }, { weight: 1, arbitrary: pathSegment }),
    path: fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...MOCK_PATHS), fc.array(templateSegment, { minLength: 2, maxLength: 2 }))
          .map(([t, [a, b]]) => t.replace('{}', a!).replace('{}', b!)),
      },
      { weight: 1, arbitrary: fc.array(pathSegment, { maxLength: 6 }).map((s) => s.map((x) => `/${x}`).join('')) },
    ),
    query: fc.option(queryString, { nil: undefined }),
    headers,
    body: fc.option(body, { nil: undefined, freq: 2 }),
  })
  .map(({ method, slug, path, query, headers: h, body: b }) => {
    const all: [string, string][] = [...h];
    if (b?.contentType !== undefined) all.push(['content-type', b.contentType]);
    return { method, path: `/m/${slug}${path}${query === undefined ? '' : `?${query}`}`, headers: all, body: b?.bytes };
  });

/* ---------------------------------------------------------------- management API */

const id = (pool: () => string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.nat().map((n) => pool()[n % pool().length]!) },
    { weight: 1, arbitrary: pathSegment },
    { weight: 1, arbitrary: fc.uuid() },
  );

/** A field's value: usually a plausible one, sometimes anything at all. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileJsonValue });
// Only ports nothing can listen on: the fuzzing must not open listeners on this machine.
const badPort = fc.constantFrom(null, 0, -1, 65_536, 1.5, '3001', 1e20);

const projectPayload = fc.record(
  {
    name: field(hostileText),
    description: field(hostileText),
    slug: field(hostileText),
    isPublic: field(fc.boolean()),
    port: badPort,
  },
  { requiredKeys: [] },
);
const mockPayload = fc.record(
  {
    name: field(hostileText),
    path: field(
      fc.oneof(
        fc.constantFrom('/a', '/a/{id}', '/:x', '/{__proto__}', '/{constructor}/{constructor}', '/' + 'x/'.repeat(500)),
        hostileText,
      ),
    ),
    method: field(fc.constantFrom(...HTTP_METHODS, 'get', 'BREW', '')),
    description: field(hostileText),
    responseType: field(fc.constantFrom(...RESPONSE_TYPES)),
    responseDelay: field(fc.constantFrom(0, 1, -1, 1.5, 1e9, '10')),
    responseMode: field(fc.constantFrom(...RESPONSE_MODES)),
    isActive: field(fc.boolean()),
  },
  { requiredKeys: [] },
);
const responsePayload = fc.record(
  {
    name: field(hostileText),
    statusCode: field(fc.constantFrom(200, 201, 204, 304, 99, 600, 1.5, '200')),
    headers: field(
      fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_NAMES, 'Content-Type', 'Set-Cookie'), hostileText), hostileText, {
        maxKeys: 4,
      }),
    ),
    body: field(
      fc.oneof(
        hostileText,
        jsonBodyText.filter((t) => t.length < 100_000),
      ),
    ),
    isDefault: field(fc.boolean()),
    weight: field(fc.constantFrom(0, 1, 100, -1, 1e20, 1.5)),
    conditions: field(fc.array(condition, { maxLength: 4 })),
    sortOrder: field(fc.constantFrom(0, 1, -1, 1e20)),
  },
  { requiredKeys: [] },
);
// Counts and nesting stay small: their caps are item 1's (batch-create limits).
const batchPayload = fc.record(
  {
    name: field(hostileText),
    description: field(hostileText),
    isPublic: field(fc.boolean()),
    endpoints: field(
      fc.array(
        fc.record(
          {
            method: field(fc.constantFrom(...HTTP_METHODS, 'brew')),
            route: field(fc.oneof(fc.constantFrom('/a', '/a/{id}', '/{__proto__}'), hostileText)),
            description: field(hostileText),
            scenarios: field(
              fc.array(
                fc.record(
                  {
                    name: field(hostileText),
                    status: field(fc.constantFrom(200, 404, 99, 600)),
                    responseBody: hostileJsonValue,
                    headers: field(fc.dictionary(hostileText, hostileText, { maxKeys: 3 })),
                  },
                  { requiredKeys: [] },
                ),
                { maxLength: 4 },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
    ),
  },
  { requiredKeys: [] },
);

// Templates the preview renders: real helpers, broken syntax, prototype reaches.
const templateText = fc.oneof(
  hostileText,
  fc.constantFrom(
    "{{urlParam 'id'}}",
    "{{faker 'person.firstName'}}",
    '{{#repeat 3}}{{@index}}{{/repeat}}',
    '{{#repeat 2}}x{{/each}}',
    '{{constructor.constructor}}',
    "{{lookup this '__proto__'}}",
    "{{body '__proto__.polluted'}}",
    '{{',
  ),
);
const previewPayload = fc.record(
  {
    body: field(templateText),
    headers: field(fc.dictionary(fc.constantFrom('X-A', ...PROTO_NAMES), templateText, { maxKeys: 2 })),
    disableTemplating: field(fc.boolean()),
    request: field(
      fc.record(
        {
          method: field(fc.constantFrom('GET', 'post', 'BREW', '', 'G E T')),
          path: field(
            fc.oneof(fc.constantFrom('/users', '/a/1', '/{__proto__}', 'no-slash', '/%E0%A4%A'), hostileText),
          ),
          query: field(fc.dictionary(fc.constantFrom('q', ...PROTO_NAMES), hostileText, { maxKeys: 3 })),
          headers: field(fc.dictionary(fc.constantFrom('x-role', ...PROTO_NAMES), hostileText, { maxKeys: 3 })),
          body: field(
            fc.oneof(
              hostileText,
              jsonBodyText.filter((t) => t.length < 100_000),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

type Payload = 'project' | 'mock' | 'response' | 'batch' | 'preview' | 'none';
const payloads: Record<Payload, fc.Arbitrary<unknown>> = {
  project: projectPayload,
  mock: mockPayload,
  response: responsePayload,
  batch: batchPayload,
  preview: previewPayload,
  none: fc.constant(undefined),
};

/** Every route of mockbird-api.md §3–6 that MockDeck serves, its own preview route, and a few it does not serve. */
const ROUTES: [method: string, path: string, payload: Payload, weight: number][] = [
  ['GET', '/projects', 'none', 2],
  ['POST', '/projects', 'project', 3],
  ['POST', '/projects/batch-create', 'batch', 3],
  ['GET', '/projects/:p', 'none', 2],
  ['PUT', '/projects/:p', 'project', 3],
  ['DELETE', '/projects/:p', 'none', 1],
  ['GET', '/projects/:p/stats', 'none', 2],
  ['POST', '/projects/:p/duplicate', 'project', 2],
  ['GET', '/projects/:p/mocks', 'none', 2],
  ['POST', '/projects/:p/mocks', 'mock', 3],
  ['GET', '/mocks/:m', 'none', 2],
  ['PUT', '/mocks/:m', 'mock', 3],
  ['DELETE', '/mocks/:m', 'none', 1],
  ['POST', '/mocks/:m/duplicate', 'mock', 2],
  ['GET', '/mocks/:m/responses', 'none', 2],
  ['POST', '/mocks/:m/responses', 'response', 3],
  ['PUT', '/mocks/:m/responses/:r', 'response', 3],
  ['DELETE', '/mocks/:m/responses/:r', 'none', 1],
  ['POST', '/mocks/:m/responses/:r/preview', 'preview', 3],
  ['GET', '/mocks/:m/request-logs', 'none', 3],
  ['PATCH', '/projects/:p', 'project', 1],
  ['GET', '/:p', 'none', 1],
];

const logQuery = fc
  .record(
    {
      page: fc.oneof(
        fc.constantFrom('1', '0', '-1', '1e20', '1e308', '9007199254740993', '1000000000', 'NaN', '0x10', ''),
        fc.nat().map(String),
      ),
      limit: fc.constantFrom('1', '100', '101', '1e20', '-5', '2.5', 'x'),
      startDate: fc.oneof(
        fc.constantFrom(
          '2026-02-01T00:00:00Z',
          '0000-01-01',
          '+275760-09-13T00:00:00Z',
          '2026-13-45',
          '9999-12-31T23:59:59.999Z',
        ),
        hostileText.map(percentEncode),
      ),
      endDate: fc.constantFrom('2026-02-01T00:00:00Z', 'yesterday', '1970-01-01T00:00:00+99:99'),
    },
    { requiredKeys: [] },
  )
  .map((q) =>
    Object.entries(q)
      .map(([k, v]) => `${k}=${percentEncode(v)}`)
      .join('&'),
  );

const auth = fc.oneof(
  { weight: 12, arbitrary: fc.constant<[string, string][]>([['authorization', `Bearer ${TOKEN}`]]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...PROTO_NAMES, `${TOKEN}x`, TOKEN.slice(1), '')
      .map((t): [string, string][] => [['authorization', `Bearer ${t}`]]),
  },
);

const managementRequest: fc.Arbitrary<Sent> = fc
  .record({
    route: fc.oneof(...ROUTES.map(([m, p, b, weight]) => ({ weight, arbitrary: fc.constant([m, p, b] as const) }))),
    p: id(() => ids.projects),
    m: id(() => ids.mocks),
    r: id(() => ids.responses),
    query: fc.option(fc.oneof(logQuery, queryString), { nil: undefined }),
    auth,
    extra: headers,
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      undefined,
    ),
    body: fc.nat(),
  })
  .chain((r) =>
    fc
      .oneof(
        { weight: 6, arbitrary: payloads[r.route[2]].map((v) => (v === undefined ? undefined : JSON.stringify(v))) },
        { weight: 1, arbitrary: hostileJsonValue.map((v) => JSON.stringify(v)) },
        // Deep nesting in a field a route reads as a string (its own depth cap is item 1's).
        {
          weight: 1,
          arbitrary: fc.integer({ min: 1, max: 50_000 }).map((d) => `{"name":${deepJson(d, d % 2 === 0)}}`),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{"__proto__":{"name":"x"},"name":"p","constructor":{"prototype":{"isPublic":true}}}',
            '{"name":"\\ud800"}',
            '{',
            'null',
            '[]',
            '\uFEFF{}',
            '"x"',
          ),
        },
      )
      .map((text): Sent => {
        const [method, template] = r.route;
        const path = template.replace(':p', r.p).replace(':m', r.m).replace(':r', r.r);
        const all: [string, string][] = [
          ...r.extra.filter(([n]) => n.toLowerCase() !== 'authorization' && n.toLowerCase() !== 'content-type'),
          ...r.auth,
        ];
        if (text !== undefined && r.contentType !== undefined) all.push(['content-type', r.contentType]);
        return {
          method,
          path: `${path}${r.query === undefined ? '' : `?${r.query}`}`,
          headers: all,
          body: text === undefined ? undefined : Buffer.from(text, 'utf8'),
        };
      }),
  );

/* ---------------------------------------------------------------- the properties */

describe(`fuzzing the HTTP routes (seed ${SEED}, ${RUNS} runs each)`, () => {
  it('mock execution: no 5xx, no hang, p99 < 1 s, and the server answers afterwards', async () => {
    const got = seen();
    await check('mock execution', fc.asyncProperty(executionRequest, answered(got)));
    console.log(`mock execution: ${JSON.stringify(got.classes)}, p99 ${p99(got.latencies).toFixed(1)} ms`);
    expect(p99(got.latencies)).toBeLessThan(1000);
    // The generators reach the mocks (2xx) as well as the errors (4xx): not all noise.
    expect(got.classes['2xx']).toBeGreaterThan(RUNS / 20);
    expect(got.classes['4xx']).toBeGreaterThan(RUNS / 20);
    await stillAnswers();
  }, 120_000);

  it('management API: no 5xx, no hang, p99 < 1 s, and the server answers afterwards', async () => {
    const got = seen();
    await check('management API', fc.asyncProperty(managementRequest, answered(got, harvestIds)));
    console.log(`management API: ${JSON.stringify(got.classes)}, p99 ${p99(got.latencies).toFixed(1)} ms`);
    expect(p99(got.latencies)).toBeLessThan(1000);
    expect(got.classes['2xx']).toBeGreaterThan(RUNS / 20);
    expect(got.classes['4xx']).toBeGreaterThan(RUNS / 20);
    await stillAnswers();
  }, 120_000);
});
