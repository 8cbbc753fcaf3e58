import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import { mockdeck, removeTempDirs, spawnServe, tempDir, type ServedProcess } from './cli-harness';

let dir: string;
let served: ServedProcess;

/** A data dir with project "shop": GET /cart answers "empty" once (scenario cart: Started → Filled), then "filled". */
beforeAll(async () => {
  dir = tempDir();
  const store = openStore(dir);
  try {
    const catalog = new Catalog(store, systemClock);
    const p = catalog.projects.create({ name: 'Shop', slug: 'shop' });
    const m = catalog.mocks.create(p.id, { name: 'cart', path: '/cart', method: 'GET' });
    const scenario = { scenarioName: 'cart' };
    catalog.responses.create(m.id, {
      name: 'Empty',
      body: 'empty',
      ...scenario,
      requiredScenarioState: 'Started',
      newScenarioState: 'Filled',
    });
    catalog.responses.create(m.id, { name: 'Filled', body: 'filled', ...scenario, requiredScenarioState: 'Filled' });
    catalog.projects.create({ name: 'Plain', slug: 'plain' });
  } finally {
    store.close();
  }
  served = await spawnServe(['--data-dir', dir, '--port', '0']);
});
afterAll(async () => {
  served.child.kill('SIGTERM');
  await served.exited;
  removeTempDirs();
});

const cart = async () => (await fetch(`${served.line.mockBaseUrl}shop/cart`)).text();
const scenarios = async (...extra: string[]) => {
  const r = await mockdeck(['scenarios', 'shop', '--url', served.line.url, '--data-dir', dir, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

describe('mockdeck scenarios', () => {
  it("shows a running server's scenario states and puts one (or all) back in Started", async () => {
    const start = { name: 'cart', state: 'Started', states: ['Started', 'Filled'], responses: 2 };
    expect(JSON.parse((await scenarios('--json')).stdout)).toEqual([start]);
    expect(await cart()).toBe('empty');
    expect(await cart()).toBe('filled');
    expect((await scenarios()).stdout).toBe(
      'NAME  STATE   RESPONSES  STATES\ncart  Filled  2          Started, Filled\n',
    );

    const one = await scenarios('--reset', 'cart', '--json');
    expect(one.stderr).toBe('scenario "cart" is back in "Started"\n');
    expect(JSON.parse(one.stdout)).toEqual([start]);
    expect(await cart()).toBe('empty');

    expect(await cart()).toBe('filled');
    const all = await scenarios('--reset');
    expect(all.stderr).toBe('every scenario of project "shop" is back in "Started"\n');
    expect(all.stdout).toMatch(/^cart {2}Started/m);
    expect(await cart()).toBe('empty');
  });

  it('names what is wrong: an unknown scenario or project, --reset without a server, a second project', async () => {
    const unknown = await mockdeck([
      'scenarios',
      'shop',
      '--reset',
      'nope',
      '--url',
      served.line.url,
      '--data-dir',
      dir,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /no response of this project names scenario "nope".*the project's scenarios are: cart/,
    );
    const noProject = await mockdeck(['scenarios', 'nope', '--url', served.line.url, '--data-dir', dir]);
    expect(noProject.code).toBe(1);
    expect(noProject.stderr).toMatch(/no project with slug or id "nope" on the server at/);

    const local = await mockdeck(['scenarios', 'shop', '--reset', '--data-dir', dir]);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/--reset needs --url URL of that server/);
    const two = await mockdeck(['scenarios', 'shop', 'cart', '--data-dir', dir]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/takes one project, got "shop" and "cart"/);
  });

  it('without --url reads the data dir: the scenarios the responses name, in their start state', async () => {
    const r = await mockdeck(['scenarios', 'shop', '--json', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'cart', state: 'Started', states: ['Started', 'Filled'], responses: 2 },
    ]);
    const plain = await mockdeck(['scenarios', 'plain', '--data-dir', dir]);
    expect(plain).toMatchObject({ code: 0, stdout: '', stderr: 'no response of project "plain" names a scenario\n' });
  });
});
