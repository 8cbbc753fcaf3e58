import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { exportDocument, importDocument, readDocument } from '../../../main/core/transfer';
import { HighestMigrationId } from '../../../main/core/transfer/formats/mockoon/environment';
import { seeded } from '../../unit/engine/fixtures';

/**
 * Repeated response headers (two Set-Cookie) survive the formats that list headers as pairs:
 * a Mockoon environment imports as a list and is served as two lines; the export writes a pair
 * per line and reads back the same; a HAR recording keeps every cookie (values redacted).
 */

const clock = { now: () => new Date('2026-03-01T12:00:00.000Z') };

const mockoonEnv = {
  uuid: 'env',
  lastMigration: HighestMigrationId,
  name: 'Cookies',
  endpointPrefix: '',
  latency: 0,
  port: 3001,
  routes: [
    {
      uuid: 'a',
      type: 'http',
      documentation: 'Log in',
      method: 'post',
      endpoint: 'login',
      responseMode: null,
      responses: [
        {
          uuid: 'r1',
          statusCode: 200,
          label: 'OK',
          headers: [
            { key: 'Set-Cookie', value: 'sid=abc; Path=/; HttpOnly' },
            { key: 'X-Env', value: 'mine' },
            { key: 'Set-Cookie', value: 'theme=dark; Path=/' },
          ],
          body: '{"ok": true}',
          latency: 0,
          bodyType: 'INLINE',
          filePath: '',
          databucketID: '',
          rules: [],
          rulesOperator: 'OR',
          default: true,
          disableTemplating: false,
        },
      ],
    },
  ],
  rootChildren: [{ type: 'route', uuid: 'a' }],
  headers: [
    { key: 'Content-Type', value: 'application/json' },
    { key: 'X-Env', value: 'environment' },
  ],
  data: [],
  proxyMode: false,
  cors: true,
};

/** node:http's rawHeaders: every header line as received, repeated names not joined. */
function rawLines(url: string, method: string): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      res.resume();
      const pairs: [string, string][] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2)
        pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
      res.on('end', () => resolve(pairs));
    });
    req.on('error', reject);
    req.end();
  });
}
const linesOf = (pairs: [string, string][], name: string) => pairs.filter(([n]) => n === name).map(([, v]) => v);

describe('repeated headers across import and export', () => {
  let app: App;
  let base = '';
  beforeAll(async () => {
    app = await openApp({ dataDir: null, port: 0, random: seeded(7), logFlushMs: 20 });
    base = (await app.core.server.start()).url!;
  });
  afterAll(() => app.close());

  it('a Mockoon environment with two Set-Cookie imports both, serves both lines, and exports both', async () => {
    const created = await importDocument(app.core.catalog, { content: JSON.stringify(mockoonEnv), format: 'auto' });
    expect(created.report?.skipped).toEqual([]);
    const mock = app.core.store.mocks.listByProject(created.project.id)[0]!;
    const [response] = app.core.store.responses.listByMock(mock.id);
    // The response's own X-Env replaces the environment's; its two cookies stay two, in order.
    expect(response!.headers).toEqual({
      'Set-Cookie': ['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/'],
      'X-Env': 'mine',
    });

    const lines = await rawLines(`${base}/m/${created.slug}/login`, 'POST');
    expect(linesOf(lines, 'set-cookie')).toEqual(['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect(linesOf(lines, 'x-env')).toEqual(['mine']);

    const out = exportDocument(app.core.store, created.slug, 'mockoon', clock);
    const env = JSON.parse(out.text) as { routes: { responses: { headers: { key: string; value: string }[] }[] }[] };
    expect(env.routes[0]!.responses[0]!.headers.filter((h) => h.key === 'Set-Cookie')).toEqual([
      { key: 'Set-Cookie', value: 'sid=abc; Path=/; HttpOnly' },
      { key: 'Set-Cookie', value: 'theme=dark; Path=/' },
    ]);
    const back = await readDocument({ content: out.text, format: 'auto' });
    expect(back.draft.mocks[0]!.responses[0]!.headers).toEqual(response!.headers);
  });

  it('a HAR recording keeps every Set-Cookie line and every repeated header, cookie values redacted', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            request: { method: 'GET', url: 'https://api.example.com/session', headers: [] },
            response: {
              status: 200,
              statusText: 'OK',
              headers: [
                { name: 'Set-Cookie', value: 'sid=SECRET-1; Path=/' },
                { name: 'Link', value: '</a>; rel="next"' },
                { name: 'Set-Cookie', value: 'csrf=SECRET-2; Path=/' },
                { name: 'Link', value: '</b>; rel="prev"' },
                { name: 'Date', value: 'Mon, 30 Nov 2026 00:00:00 GMT' },
              ],
              content: { mimeType: 'text/plain', text: 'hi' },
            },
          },
        ],
      },
    };
    const back = await readDocument({ content: JSON.stringify(har), format: 'auto' });
    expect(back.format).toBe('har');
    expect(back.draft.mocks[0]!.responses[0]!.headers).toEqual({
      'set-cookie': ['sid=[redacted]; Path=/', 'csrf=[redacted]; Path=/'],
      link: ['</a>; rel="next"', '</b>; rel="prev"'],
    });
  });
});
