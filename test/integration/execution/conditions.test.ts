import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConditionOperator, ConditionType } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

/**
 * Every condition type × operator over real HTTP. Each mock has a conditional response
 * "hit" and an unconditioned fallback "miss".
 */
// [operator, value, actual that matches, actual that does not, answer when the field is missing]
const OPERATORS: [ConditionOperator, string, string, string, 'hit' | 'miss'][] = [
  ['equals', 'admin', 'admin', 'Admin', 'miss'],
  ['not_equals', 'admin', 'guest', 'admin', 'hit'],
  ['contains', 'dm', 'admin', 'user', 'miss'],
  ['not_contains', 'dm', 'user', 'admin', 'hit'],
  ['starts_with', 'ad', 'admin', 'bad', 'miss'],
  ['ends_with', 'in', 'admin', 'inner', 'miss'],
  ['regex', '^a.m', 'admin', 'madam', 'miss'],
  ['exists', '', 'anything', '', 'miss'],
  ['not_exists', '', '', 'anything', 'hit'],
  ['gt', '10', '10.5', '9', 'miss'],
  ['lt', '10', '-3', '10', 'miss'],
];
const TYPES = ['header', 'query', 'body', 'path'] as const satisfies readonly ConditionType[];

let h: Harness;

/** Sends a request whose `type` field carries `value`, or lacks the field when value is null. */
async function send(type: (typeof TYPES)[number], op: string, value: string | null): Promise<string> {
  const base = `/c/${type}/${op}`;
  if (type === 'header') {
    return (await fetch(h.url(base), { headers: value === null ? {} : { 'x-val': value } })).text();
  }
  if (type === 'query')
    return (await fetch(h.url(value === null ? base : `${base}?val=${encodeURIComponent(value)}`))).text();
  if (type === 'body') {
    const body = value === null ? { data: { items: [] } } : { data: { items: [{ val: value }] } };
    return (
      await fetch(h.url(base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).text();
  }
  return (await fetch(h.url(`${base}/${encodeURIComponent(value ?? 'unused')}`))).text();
}

beforeAll(async () => {
  h = await startHarness();
  for (const type of TYPES) {
    for (const [op, value] of OPERATORS) {
      const field = { header: 'X-Val', query: 'val', body: 'data.items.0.val', path: 'val' }[type];
      h.addMock(
        {
          name: `${type} ${op}`,
          method: type === 'body' ? 'POST' : 'GET',
          path: type === 'path' ? `/c/path/${op}/{val}` : `/c/${type}/${op}`,
        },
        [
          { name: 'hit', body: 'hit', conditions: [{ type, field, operator: op, value }] },
          { name: 'miss', body: 'miss' },
        ],
      );
    }
  }
});
afterAll(() => h.close());

describe.each(TYPES)('%s conditions', (type) => {
  it.each(OPERATORS)('%s', async (op, _value, yes, no, missing) => {
    // exists/not_exists: "yes"/"no" describe presence, handled through `missing` below.
    if (op !== 'exists' && op !== 'not_exists') {
      expect(await send(type, op, yes)).toBe('hit');
      expect(await send(type, op, no)).toBe('miss');
    } else if (type !== 'path') {
      expect(await send(type, op, 'present')).toBe(op === 'exists' ? 'hit' : 'miss');
    }
    // A path parameter is always present when the route matches.
    if (type !== 'path') expect(await send(type, op, null)).toBe(missing);
  });
});

describe('condition details over HTTP', () => {
  it('reads header names case-insensitively (condition on X-Val, request sends x-val)', async () => {
    expect(await send('header', 'equals', 'admin')).toBe('hit');
  });

  it('reads urlencoded form bodies, with dotted and bracket field names', async () => {
    h.addMock({ name: 'form', method: 'POST', path: '/form' }, [
      {
        name: 'hit',
        body: 'hit',
        conditions: [
          { type: 'body', field: 'user.role', operator: 'equals', value: 'admin' },
          { type: 'body', field: 'name', operator: 'equals', value: 'Ann Lee' },
        ],
      },
      { name: 'miss', body: 'miss' },
    ]);
    const post = (body: string) =>
      fetch(h.url('/form'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }).then((r) => r.text());
    expect(await post('name=Ann+Lee&user%5Brole%5D=admin')).toBe('hit');
    expect(await post('name=Ann+Lee&user.role=admin')).toBe('hit');
    expect(await post('name=Ann+Lee&user.role=guest')).toBe('miss');
  });

  it('accepts a malformed JSON body: conditions see no fields, "$" sees the raw text', async () => {
    h.addMock({ name: 'raw', method: 'POST', path: '/raw' }, [
      { name: 'field', body: 'field', conditions: [{ type: 'body', field: 'a', operator: 'exists', value: '' }] },
      { name: 'raw', body: 'raw', conditions: [{ type: 'body', field: '$', operator: 'contains', value: '{"a":' }] },
      { name: 'miss', body: 'miss' },
    ]);
    const r = await fetch(h.url('/raw'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a": ',
    });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('raw');
  });

  it('answers the catastrophic regex ^(a+)+$ on 5,000 a\'s plus "!" without hanging', async () => {
    h.addMock({ name: 'redos', method: 'GET', path: '/redos' }, [
      { name: 'hit', body: 'hit', conditions: [{ type: 'query', field: 'q', operator: 'regex', value: '^(a+)+$' }] },
      { name: 'miss', body: 'miss' },
    ]);
    expect(await (await fetch(h.url(`/redos?q=${'a'.repeat(5000)}!`))).text()).toBe('miss');
    expect(await (await fetch(h.url(`/redos?q=${'a'.repeat(5000)}`))).text()).toBe('hit');
  }, 20_000);

  it('refuses to save a regex the safe engine cannot run', () => {
    const { mockId } = h.addMock({ name: 'bad', method: 'GET', path: '/bad-regex' });
    expect(() =>
      h.core.catalog.responses.create(mockId, {
        conditions: [{ type: 'query', field: 'q', operator: 'regex', value: '^(?!admin)' }],
      }),
    ).toThrow(/lookaheads/);
  });
});
