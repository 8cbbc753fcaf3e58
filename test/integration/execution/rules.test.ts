import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConditionOperator, ConditionType, ResponseCreate } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

/**
 * Rules beyond the spec's over real HTTP (docs/rules.md): every target × operator, AND/OR,
 * invert, every response mode (fallback to the next mock included), and scenarios with
 * their management routes. A conditional response "hit" answers 201, the unconditioned
 * "miss" 200.
 */
const TOKEN = 'rules-token-0123456789';
let h: Harness;

/** What a request (or the project's runtime) carries in the field a target reads: text, several values, or nothing. */
type Carried = string | string[] | null;

interface Target {
  type: ConditionType;
  field: string;
  /** Whether the target can hold several values, and whether it can be absent. */
  arrays: boolean;
  absent: boolean;
  /** Sends a request to `path` carrying `v`; resolves to the status. */
  send(path: string, v: Carried): Promise<number>;
}

const get = async (url: string, init: RequestInit = {}): Promise<number> => (await fetch(url, init)).status;
const postJson = (url: string, body: unknown) =>
  get(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const runtime = () => h.core.server.runtime(h.project.id)!;
/** Buckets as the data bucket provider (another module) would expose them. */
const buckets = new Map<string, unknown>();

const TARGETS: Target[] = [
  {
    type: 'header',
    field: 'X-Val',
    arrays: false,
    absent: true,
    send: (p, v) => get(h.url(p), { headers: v === null ? {} : { 'x-val': String(v) } }),
  },
  {
    type: 'query',
    field: 'val',
    arrays: true,
    absent: true,
    send: (p, v) => {
      const q = v === null ? '' : (Array.isArray(v) ? v : [v]).map((x) => `val=${encodeURIComponent(x)}`).join('&');
      return get(h.url(`${p}?${q}`));
    },
  },
  {
    type: 'body',
    field: 'data.val',
    arrays: true,
    absent: true,
    send: (p, v) => postJson(h.url(p), { data: v === null ? {} : { val: v } }),
  },
  {
    type: 'body',
    field: '$.data.val',
    arrays: true,
    absent: true,
    send: (p, v) => postJson(h.url(p), { data: v === null ? {} : { val: v } }),
  },
  {
    type: 'path',
    field: 'val',
    arrays: false,
    absent: false,
    send: (p, v) => get(h.url(`${p}/${encodeURIComponent(String(v))}`)),
  },
  {
    type: 'cookie',
    field: 'val',
    arrays: false,
    absent: true,
    send: (p, v) =>
      get(h.url(p), { headers: v === null ? {} : { cookie: `other=1; val=${encodeURIComponent(String(v))}` } }),
  },
  {
    type: 'global_var',
    field: 'val',
    arrays: true,
    absent: true,
    send: (p, v) => {
      if (v === null) runtime().globals.delete('val');
      else runtime().globals.set('val', v);
      return get(h.url(p));
    },
  },
  {
    type: 'data_bucket',
    field: 'b.val',
    arrays: true,
    absent: true,
    send: (p, v) => {
      buckets.set('b', v === null ? {} : { val: v });
      return get(h.url(p));
    },
  },
  {
    type: 'scenario',
    field: 'val',
    arrays: false,
    absent: false,
    send: (p, v) => {
      runtime().scenarios.set('val', String(v));
      return get(h.url(p));
    },
  },
];

// [operator, value, carried value that matches, one that does not]; null = the field is absent.
const OPERATORS: [ConditionOperator, string, Carried, Carried][] = [
  ['equals', 'admin', 'admin', 'Admin'],
  ['not_equals', 'admin', 'guest', 'admin'],
  ['contains', 'dm', 'admin', 'user'],
  ['not_contains', 'dm', 'user', 'admin'],
  ['starts_with', 'ad', 'admin', 'bad'],
  ['ends_with', 'in', 'admin', 'inner'],
  ['regex', '^a.m', 'admin', 'Admin'],
  ['regex_i', '^A.M', 'admin', 'madam'],
  ['exists', '', 'x', null],
  ['not_exists', '', null, 'x'],
  ['gt', '10', '10.5', '9'],
  ['lt', '10', '-3', '10'],
  ['null', '', null, 'x'],
  ['empty_array', '', [], ['a']],
  ['array_includes', 'b', ['a', 'b'], ['a']],
  ['valid_json_schema', '{"type":"string","pattern":"^a"}', 'admin', 'bad'],
];

const mockPath = (t: Target, op: string) => `/r/${t.type}${t.field.startsWith('$') ? '-jp' : ''}/${op}`;
const HIT = 201;
const MISS = 200;

beforeAll(async () => {
  h = await startHarness({ apiToken: TOKEN });
  const rt = runtime();
  rt.bucket = (name) => buckets.get(name);
  for (const t of TARGETS) {
    for (const [operator, value] of OPERATORS) {
      const path = mockPath(t, operator);
      h.addMock(
        {
          name: `${t.type} ${operator}`,
          method: t.type === 'body' ? 'POST' : 'GET',
          path: t.type === 'path' ? `${path}/{val}` : path,
        },
        [
          { name: 'hit', statusCode: HIT, conditions: [{ type: t.type, field: t.field, operator, value }] },
          { name: 'miss', statusCode: MISS },
        ],
      );
    }
  }
});
afterAll(() => h.close());

describe.each(TARGETS.map((t) => [`${t.type} ${t.field}`, t] as const))('%s', (_label, t) => {
  it.each(OPERATORS)('%s', async (op, _value, yes, no) => {
    const path = mockPath(t, op);
    // A query string cannot carry an empty list: no parameter at all is an absent field.
    const can = (v: Carried) =>
      v === null ? t.absent : Array.isArray(v) ? t.arrays && (v.length > 0 || t.type !== 'query') : true;
    if (can(yes)) expect(await t.send(path, yes), `${op} ${JSON.stringify(yes)}`).toBe(HIT);
    if (can(no)) expect(await t.send(path, no), `${op} ${JSON.stringify(no)}`).toBe(MISS);
    // Where the target cannot carry the matching value, a scalar never matches an array operator.
    if (!can(yes) && Array.isArray(yes)) expect(await t.send(path, 'b')).toBe(MISS);
  });
});

describe('method and request_number', () => {
  it('method: HEAD reaches a GET mock, and a method condition tells them apart', async () => {
    h.addMock({ name: 'method', method: 'GET', path: '/method' }, [
      { statusCode: HIT, conditions: [{ type: 'method', operator: 'equals', value: 'HEAD' }] },
      { statusCode: MISS },
    ]);
    expect(await get(h.url('/method'), { method: 'HEAD' })).toBe(HIT);
    expect(await get(h.url('/method'))).toBe(MISS);
  });

  it('request_number: the 2nd call, and every call after the 3rd', async () => {
    h.addMock({ name: 'nth', method: 'GET', path: '/nth' }, [
      { statusCode: 202, conditions: [{ type: 'request_number', operator: 'equals', value: '2' }] },
      { statusCode: 203, conditions: [{ type: 'request_number', operator: 'gt', value: '3' }] },
      { statusCode: MISS },
    ]);
    const got = [];
    for (let i = 0; i < 5; i++) got.push(await get(h.url('/nth')));
    expect(got).toEqual([MISS, 202, MISS, 203, 203]);
  });
});

describe('AND, OR, invert', () => {
  const two: ResponseCreate['conditions'] = [
    { type: 'header', field: 'x-a', operator: 'equals', value: '1' },
    { type: 'query', field: 'b', operator: 'equals', value: '1' },
  ];
  it('AND needs both, OR either', async () => {
    h.addMock({ name: 'and', method: 'GET', path: '/and' }, [
      { statusCode: HIT, conditions: two },
      { statusCode: MISS },
    ]);
    h.addMock({ name: 'or', method: 'GET', path: '/or' }, [
      { statusCode: HIT, conditions: two, conditionLogic: 'or' },
      { statusCode: MISS },
    ]);
    const send = (p: string, a: boolean, b: boolean) =>
      get(h.url(`${p}${b ? '?b=1' : ''}`), { headers: a ? { 'x-a': '1' } : {} });
    expect([await send('/and', true, true), await send('/and', true, false), await send('/and', false, true)]).toEqual([
      HIT,
      MISS,
      MISS,
    ]);
    expect([await send('/or', true, false), await send('/or', false, true), await send('/or', false, false)]).toEqual([
      HIT,
      HIT,
      MISS,
    ]);
  });

  it('invert: "x-role is not admin", absent header included; the log shows the inverted condition', async () => {
    const { mockId } = h.addMock({ name: 'inv', method: 'GET', path: '/inv' }, [
      {
        name: 'not admin',
        statusCode: HIT,
        conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'admin', invert: true }],
      },
      { statusCode: MISS },
    ]);
    expect(await get(h.url('/inv'), { headers: { 'x-role': 'guest' } })).toBe(HIT);
    expect(await get(h.url('/inv'))).toBe(HIT);
    expect(await get(h.url('/inv'), { headers: { 'x-role': 'admin' } })).toBe(MISS);
    await h.core.server.settleLogs();
    const log = await h.core.router.call('requestLogs.page', { mockId }, { transport: 'direct' });
    if (!log.ok) throw new Error(log.error.message);
    expect(log.value.data[0]!.conditionFailures[0]).toMatchObject({
      responseName: 'not admin',
      condition: { field: 'x-role', invert: true },
      actual: 'admin',
    });
  });
});

describe('response modes', () => {
  it('random and sequential keep their behaviour', async () => {
    h.addMock({ name: 'seq', method: 'GET', path: '/seq', responseMode: 'sequential' }, [
      { statusCode: 201 },
      { statusCode: 202 },
    ]);
    expect([await get(h.url('/seq')), await get(h.url('/seq')), await get(h.url('/seq'))]).toEqual([201, 202, 201]);
    h.addMock({ name: 'rnd', method: 'GET', path: '/rnd' }, [
      { statusCode: 201, weight: 1 },
      { statusCode: 202, weight: 0 },
    ]);
    expect(await get(h.url('/rnd'))).toBe(201);
  });

  it('disable_rules: always the default, whatever the conditions say', async () => {
    h.addMock({ name: 'dis', method: 'GET', path: '/dis', responseMode: 'disable_rules' }, [
      { statusCode: 201, conditions: [{ type: 'query', field: 'x', operator: 'exists' }] },
      { statusCode: 202, isDefault: true },
    ]);
    expect(await get(h.url('/dis?x=1'))).toBe(202);
    expect(await get(h.url('/dis'))).toBe(202);
  });

  it('fallback: no rule holds → the next mock of the route (same path, then a pattern), else MOCK_NOT_FOUND', async () => {
    h.addMock({ name: 'fb first', method: 'GET', path: '/fb/items', responseMode: 'fallback' }, [
      { statusCode: 201, conditions: [{ type: 'query', field: 'who', operator: 'equals', value: 'first' }] },
      // Without conditions: never picked in fallback mode.
      { statusCode: 299 },
    ]);
    h.addMock({ name: 'fb second', method: 'GET', path: '/fb/items', responseMode: 'fallback' }, [
      { statusCode: 202, conditions: [{ type: 'query', field: 'who', operator: 'equals', value: 'second' }] },
    ]);
    h.addMock({ name: 'fb pattern', method: 'GET', path: '/fb/{name}' }, [{ statusCode: 203 }]);
    h.addMock({ name: 'fb alone', method: 'GET', path: '/fb-alone', responseMode: 'fallback' }, [
      { statusCode: 201, conditions: [{ type: 'query', field: 'ok', operator: 'exists' }] },
    ]);
    expect(await get(h.url('/fb/items?who=first'))).toBe(201);
    expect(await get(h.url('/fb/items?who=second'))).toBe(202);
    expect(await get(h.url('/fb/items'))).toBe(203);
    expect(await get(h.url('/fb-alone?ok'))).toBe(201);
    const r = await fetch(h.url('/fb-alone'));
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toBe('MOCK_NOT_FOUND');
  });
});

describe('scenarios', () => {
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${h.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: r.status,
      json: (await r.json()) as { data: { name: string; state: string; states: string[] }[]; error?: string },
    };
  };

  it('moves through states, is listed and reset over the management API', async () => {
    h.addMock({ name: 'cart', method: 'GET', path: '/cart' }, [
      { statusCode: 201, scenarioName: 'cart', requiredScenarioState: 'Started', newScenarioState: 'Filled' },
      { statusCode: 202, scenarioName: 'cart', requiredScenarioState: 'Filled', newScenarioState: 'Paid' },
      { statusCode: 203, scenarioName: 'cart', requiredScenarioState: 'Paid' },
    ]);
    expect([
      await get(h.url('/cart')),
      await get(h.url('/cart')),
      await get(h.url('/cart')),
      await get(h.url('/cart')),
    ]).toEqual([201, 202, 203, 203]);
    const listed = await api('GET', `/projects/${h.project.id}/scenarios`);
    expect(listed.status).toBe(200);
    expect(listed.json.data.find((s) => s.name === 'cart')).toMatchObject({
      state: 'Paid',
      states: ['Started', 'Filled', 'Paid'],
    });
    const reset = await api('POST', `/projects/${h.project.id}/scenarios/reset`, { name: 'cart' });
    expect(reset.json.data.find((s) => s.name === 'cart')?.state).toBe('Started');
    expect(await get(h.url('/cart'))).toBe(201);
    // All at once, with no body.
    await api('POST', `/projects/${h.project.id}/scenarios/reset`);
    expect(await get(h.url('/cart'))).toBe(201);
  });

  it('a state survives an edit of the mock (the runtime is kept across recompiles)', async () => {
    const { mockId } = h.addMock({ name: 'door', method: 'GET', path: '/door' }, [
      { statusCode: 201, scenarioName: 'door', requiredScenarioState: 'Started', newScenarioState: 'Open' },
      { statusCode: 202, scenarioName: 'door', requiredScenarioState: 'Open' },
    ]);
    expect(await get(h.url('/door'))).toBe(201);
    h.core.catalog.mocks.update(mockId, { description: 'edited' });
    expect(await get(h.url('/door'))).toBe(202);
  });

  it('reset of an unknown scenario is a 404 naming the known ones; a bad body a 400', async () => {
    const r = await api('POST', `/projects/${h.project.id}/scenarios/reset`, { name: 'nope' });
    expect(r.status).toBe(404);
    const bad = await api('POST', `/projects/${h.project.id}/scenarios/reset`, { name: 7 });
    expect(bad.status).toBe(400);
  });
});

describe('saving', () => {
  it('refuses scenario states without a scenario name', () => {
    const { mockId } = h.addMock({ name: 'no scenario', method: 'GET', path: '/no-scenario' });
    expect(() => h.core.catalog.responses.create(mockId, { requiredScenarioState: 'Paid' })).toThrow(
      /scenarioName is required/,
    );
  });

  it('refuses a JSON schema ajv cannot compile, naming the condition', () => {
    const { mockId } = h.addMock({ name: 'bad schema', method: 'GET', path: '/bad-schema' });
    expect(() =>
      h.core.catalog.responses.create(mockId, {
        conditions: [{ type: 'body', field: '$', operator: 'valid_json_schema', value: '{"type":"nope"}' }],
      }),
    ).toThrow(/conditions\.0\.value: JSON schema cannot be compiled/);
  });
});
