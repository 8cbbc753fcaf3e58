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
});
