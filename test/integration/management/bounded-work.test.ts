import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH } from '../../../shared/models';
import { MAX_JSON_DEPTH } from '../../../shared/wire/json-limits';
import {
  MAX_BATCH_ENDPOINTS,
  MAX_BATCH_SCENARIOS,
  MAX_BATCH_SCENARIOS_PER_ENDPOINT,
} from '../../../shared/wire/batch-create';
import { startHarness, type Harness } from '../execution/harness';
import { latencyDuring, median } from '../execution/latency-probe';

/**
 * docs/security.md, item 1: a small management request cannot make the server do unbounded
 * work. The management API and the mocks share one listener and one thread, as in
 * `mockdeck serve`, so a mock's latency while the heavy request runs shows what it costs.
 */
const TOKEN = 'bounded-work-token-0123456789';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apiToken: TOKEN });
  h.addMock({ name: 'Ping', method: 'GET', path: '/ping' }, [{ body: 'pong' }]);
});
afterAll(() => h.close());

async function post(path: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const batch = (endpoints: number, scenarios: number, responseBody?: unknown): string =>
  JSON.stringify({
    name: 'Big',
    endpoints: Array.from({ length: endpoints }, (_, i) => ({
      method: 'GET',
      route: `/r${i}`,
      scenarios: Array.from({ length: scenarios }, () => (responseBody === undefined ? {} : { responseBody })),
    })),
  });

/** `[[[…0…]]]`, `depth` arrays deep, built as text: JSON.stringify would overflow the stack. */
const nested = (depth: number): string => `${'['.repeat(depth)}0${']'.repeat(depth)}`;

describe('batch-create and JSON bodies are bounded at the boundary', () => {
  it('a 50,000-scenario batch-create (150 KB) is a 400 naming the limit, and a concurrent mock answers in < 100 ms', async () => {
    const body = batch(50, 1000);
    expect(body.length).toBeLessThan(200_000);
    const answers: { status: number; json: Record<string, unknown> }[] = [];
    const latencies = await latencyDuring(`${h.base}/m/shop/ping`, async () => {
      answers.push(await post('/projects/batch-create', body));
    });
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    expect(median(latencies)).toBeLessThan(100);
    for (const r of answers) {
      expect(r.status).toBe(400);
      expect(r.json.error).toBe('VALIDATION_ERROR');
      expect(r.json.message).toMatch(new RegExp(`at most ${MAX_BATCH_SCENARIOS_PER_ENDPOINT} scenarios`));
      expect(r.json.field).toBe('endpoints.0.scenarios');
    }
  }, 120_000);

  it('refuses more endpoints or more scenarios in all than the documented limits, naming the field', async () => {
    const endpoints = await post('/projects/batch-create', batch(MAX_BATCH_ENDPOINTS + 1, 0));
    expect(endpoints.status).toBe(400);
    expect(endpoints.json.field).toBe('endpoints');
    expect(endpoints.json.message).toMatch(`at most ${MAX_BATCH_ENDPOINTS} endpoints, got ${MAX_BATCH_ENDPOINTS + 1}`);

    const total = await post('/projects/batch-create', batch(MAX_BATCH_SCENARIOS / 50 + 1, 50));
    expect(total.status).toBe(400);
    expect(total.json.field).toBe('endpoints');
    expect(total.json.message).toMatch(`at most ${MAX_BATCH_SCENARIOS} scenarios in all`);
    expect(h.core.catalog.projects.list().map((p) => p.name)).not.toContain('Big');
  });

  it('the largest batch allowed is created whole, and mocks still answer in < 100 ms while it is written', async () => {
    const body = batch(MAX_BATCH_SCENARIOS / 2, 2, { ok: true });
    const statuses: number[] = [];
    const latencies = await latencyDuring(`${h.base}/m/shop/ping`, async () => {
      statuses.push((await post('/projects/batch-create', body)).status);
    });
    expect(new Set(statuses)).toEqual(new Set([201]));
    const created = h.core.catalog.projects.list().find((p) => p.name === 'Big')!;
    expect(h.core.store.mocks.listByProject(created.id)).toHaveLength(MAX_BATCH_SCENARIOS / 2);
    expect(median(latencies)).toBeLessThan(100);
  }, 120_000);

  it('a responseBody nested 5,000 levels deep is a 400 naming the depth limit, not a 500', async () => {
    const r = await post(
      '/projects/batch-create',
      `{"name":"Deep","endpoints":[{"method":"GET","route":"/d","scenarios":[{"responseBody":${nested(5000)}}]}]}`,
    );
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('VALIDATION_ERROR');
    expect(r.json.message).toMatch(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    expect(r.json.field).toMatch(/^endpoints\.0\.scenarios\.0\.responseBody(\.0)+$/);
  });

  it('a 2,000-deep responseBody is refused before it is pretty-printed (the parser refuses it, whatever the route)', async () => {
    const deep = nested(2000);
    expect(deep.length).toBeLessThan(5000);
    for (const path of ['/projects/batch-create', '/projects']) {
      const r = await post(path, `{"name":"Deep","responseBody":${deep}}`);
      expect(r.status).toBe(400);
      expect(r.json.message).toMatch(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
  });

  it('a body that passes the depth check but would print larger than 5 MB is refused before printing', async () => {
    // 50 levels deep, 55,000 zeros: 110 KB sent, over 5 MB once indented two spaces per level.
    const wide = `${'['.repeat(50)}${Array(55_000).fill(0).join(',')}${']'.repeat(50)}`;
    expect(JSON.stringify(JSON.parse(wide), null, 2).length).toBeGreaterThan(MAX_BODY_LENGTH);
    const r = await post(
      '/projects/batch-create',
      `{"name":"Wide","endpoints":[{"method":"GET","route":"/w","scenarios":[{"responseBody":${wide}}]}]}`,
    );
    expect(r.status).toBe(400);
    expect(r.json.field).toBe('endpoints.0.scenarios.0.responseBody');
    expect(r.json.message).toMatch(/larger than 5 MB once pretty-printed/);
  });

  it('the same limits hold for calls that do not come through the REST parser (the router, as IPC calls it)', async () => {
    let deep: unknown = 0;
    for (let i = 0; i < 2000; i++) deep = [deep];
    const r = await h.core.router.dispatch('projects.batchCreate', {
      name: 'Deep',
      endpoints: [{ method: 'GET', route: '/d', scenarios: [{ responseBody: deep }] }],
    });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(`nests deeper than ${MAX_JSON_DEPTH} levels`);
  });
});
