import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import { mockdeck, removeTempDirs, spawnServe, tempDir, type ServedProcess } from './cli-harness';

let served: ServedProcess | undefined;
afterAll(() => {
  served?.child.kill('SIGKILL');
  removeTempDirs();
});

/** A data dir with one project "flaky" whose one mock always answers an injected 503. */
function flakyDataDir(): string {
  const dir = tempDir();
  const store = openStore(dir);
  try {
    const catalog = new Catalog(store, systemClock);
    const p = catalog.projects.create({ name: 'Flaky', slug: 'flaky' });
    const m = catalog.mocks.create(p.id, { name: 'ping', path: '/ping', method: 'GET' });
    catalog.responses.create(m.id, { body: 'pong' });
    catalog.mocks.update(m.id, { chaos: { errorRate: 1 } });
  } finally {
    store.close();
  }
  return dir;
}

describe('mockdeck chaos', () => {
  it('shows the switch, turns it off and on (saved in the data dir), and refuses anything else', async () => {
    const dir = flakyDataDir();
    const show = () => mockdeck(['chaos', '--json', '--data-dir', dir]);
    expect(JSON.parse((await show()).stdout)).toEqual({ enabled: true, settings: 1 });
    const off = await mockdeck(['chaos', 'off', '--data-dir', dir]);
    expect(off).toMatchObject({
      code: 0,
      stdout: 'chaos is off: 1 mock or project has a chaos setting, kept for when it is on\n',
    });
    expect(JSON.parse((await show()).stdout)).toEqual({ enabled: false, settings: 1 });
    expect((await mockdeck(['chaos', 'on', '--data-dir', dir])).stdout).toBe(
      'chaos is on (1 mock or project has a chaos setting)\n',
    );
    const bad = await mockdeck(['chaos', 'maybe', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/mockdeck chaos takes "on" or "off", got "maybe"/);
  });

  it('serve --chaos-seed takes a whole number only', async () => {
    const r = await mockdeck(['serve', '--chaos-seed', 'abc', '--data-dir', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--chaos-seed must be a whole number from 0 to 4294967295, got "abc"/);
  });

  it('serve --no-chaos serves without chaos for that run, leaving the saved switch on', async () => {
    const dir = flakyDataDir();
    served = await spawnServe(['--data-dir', dir, '--port', '0', '--no-chaos', '--chaos-seed', '7']);
    const res = await fetch(`${served.line.mockBaseUrl}flaky/ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('pong');
    served.child.kill('SIGTERM');
    await served.exited;
    served = undefined;
    expect(JSON.parse((await mockdeck(['chaos', '--json', '--data-dir', dir])).stdout).enabled).toBe(true);
  });

  it('chaos off --url switches a running serve at once; its token comes from the data dir, $MOCKDECK_API_TOKEN or --token', async () => {
    const dir = flakyDataDir();
    served = await spawnServe(['--data-dir', dir, '--port', '0', '--chaos-seed', '7']);
    const ping = () => fetch(`${served!.line.mockBaseUrl}flaky/ping`);
    expect((await ping()).status).toBe(503);
    const url = served.line.url;

    // The token from the server's data dir (its api-token file).
    const off = await mockdeck(['chaos', 'off', '--url', url, '--data-dir', dir]);
    expect(off).toMatchObject({
      code: 0,
      stdout: `chaos is off on the server at ${url}: 1 mock or project has a chaos setting, kept for when it is on\n`,
    });
    const res = await ping();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('pong');

    // The token from the environment; the running server reports its switch.
    const token = readFileSync(path.join(dir, 'api-token'), 'utf8').trim();
    const env = { ...process.env, MOCKDECK_DATA_DIR: undefined, MOCKDECK_API_TOKEN: token };
    const shown = await mockdeck(['chaos', '--url', url, '--json', '--data-dir', tempDir()], { env });
    expect(JSON.parse(shown.stdout)).toEqual({ enabled: false, settings: 1 });
    expect((await mockdeck(['chaos', 'on', '--url', url, '--data-dir', tempDir()], { env })).code).toBe(0);
    expect((await ping()).status).toBe(503);

    // A wrong token, no token, no server: a clear error and exit 1.
    const refused = await mockdeck(['chaos', 'off', '--url', url, '--token', 'not-the-token-0123456789']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused the token from --token/);
    expect((await ping()).status).toBe(503);
    const none = await mockdeck(['chaos', 'off', '--url', url, '--data-dir', tempDir()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no management API token: .*api-token does not exist/);
    served.child.kill('SIGTERM');
    await served.exited;
    served = undefined;
    const gone = await mockdeck(['chaos', 'off', '--url', url, '--data-dir', dir]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/no MockDeck server answers at http:\/\/127\.0\.0\.1:\d+/);
    const badUrl = await mockdeck(['chaos', 'off', '--url', 'ftp://x', '--data-dir', dir]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--url must start with http:\/\/ or https:\/\//);
    // The running server saved what it was last told (on), in its own data dir.
    expect(JSON.parse((await mockdeck(['chaos', '--json', '--data-dir', dir])).stdout).enabled).toBe(true);
  });
});
