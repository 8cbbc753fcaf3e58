import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveBrowserUi } from '../../../main/browser/browser-ui';
import { openApp } from '../../../main/core/app';
import { newId } from '../../../main/core/util/ids';
import type { RequestLog } from '../../../shared/models';
import { DEFAULT_RENDERER_DIR } from '../../harness/web-app';
import { ROOT } from './harness';

/**
 * The web harness for the performance check: the same app and browser UI as
 * test/harness/web-app.ts, but with request-log retention raised above the 10,000-row default so 100,000 rows can
 * exist, and a project pre-seeded with `--seed N` log rows written straight through the
 * store's batch insert (HTTP would take minutes to make that many).
 * Prints one JSON line: the web-app fields plus projectId and slug.
 */

const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'] as const;
const STATUSES = [200, 200, 200, 201, 404, 500] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, seed: { type: 'string', default: '100000' } },
  });
  const dataDir = path.resolve(values['data-dir'] ?? path.join(ROOT, '.mockdeck-data', 'perf'));
  const seed = Number(values.seed);
  const app = await openApp({ dataDir, port: 0, logRetention: 250_000, cloud: { secrets: 'session-only' } });
  const state = await app.server.start();
  if (!state.url) throw new Error(`mock server did not start: ${state.error?.message}`);

  const project = app.catalog.projects.create({ name: 'Perf', slug: 'perf' });
  const mock = app.catalog.mocks.create(project.id, { name: 'Item', method: 'GET', path: '/items/{id}' });
  const response = app.catalog.responses.create(mock.id, { name: 'OK', body: '{"ok":true}', isDefault: true });

  const started = Date.now() - seed * 10;
  for (let done = 0; done < seed;) {
    const batch: RequestLog[] = [];
    for (let i = 0; i < 10_000 && done < seed; i++, done++) {
      const status = STATUSES[done % STATUSES.length]!;
      batch.push({
        id: newId(),
        projectId: project.id,
        mockId: status === 404 ? null : mock.id,
        responseId: status === 404 ? null : response.id,
        requestPath: `/items/${done}`,
        requestMethod: METHODS[done % METHODS.length]!,
        requestHeaders: { host: '127.0.0.1', 'user-agent': 'seed' },
        requestQuery: {},
        requestBody: '',
        responseStatus: status,
        responseHeaders: { 'content-type': 'application/json; charset=utf-8' },
        responseBody: '{"ok":true}',
        responseBodyTruncated: false,
        responseTimeMs: 0.5 + (done % 7) / 10,
        ipAddress: '127.0.0.1',
        userAgent: 'seed',
        errorCode: status === 404 ? 'MOCK_NOT_FOUND' : null,
        conditionFailures: [],
        createdAt: new Date(started + done * 10).toISOString(),
      });
    }
    app.store.logs.insertBatch(batch, 250_000);
  }

  const ui = await serveBrowserUi(app, { rendererDir: DEFAULT_RENDERER_DIR });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A runner killed with -9 sends no SIGTERM: notice being orphaned and stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
  process.stdout.write(
    `${JSON.stringify({ ...ui, serverUrl: state.url, dataDir, projectId: project.id, slug: project.slug })}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(`[perf-app] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
