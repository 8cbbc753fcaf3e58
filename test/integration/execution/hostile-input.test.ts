import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, insertStage, type ResponseStage } from '../../../main/core/engine';
import type { ConditionType, RequestLog } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

/**
 * Requests an attacker or a careless client sends to a conditioned mock (issue 18, item 5):
 * each is answered by the mock as its conditions say, never with a 500, and its log row
 * names the mock.
 */
let h: Harness;

const logsOf = (limit = 200): RequestLog[] => {
  h.core.server.flushLogs();
  return h.core.store.logs.page({ projectId: h.project.id }, 1, limit).data;
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** `[[[…["needle"]…]]]`, `depth` arrays deep, under `data`. */
const deepBody = (depth: number): string => `{"data":${'['.repeat(depth)}"needle"${']'.repeat(depth)}}`;

describe('a deeply nested JSON body', () => {
  let mockId: string;
  beforeAll(() => {
    ({ mockId } = h.addMock({ name: 'deep', method: 'POST', path: '/deep' }, [
      {
        name: 'hit',
        body: 'hit',
        conditions: [{ type: 'body', field: 'data', operator: 'contains', value: 'needle' }],
      },
      { name: 'miss', body: 'miss' },
    ]));
  });

  it.each([5_000, 200_000])(
    '%i levels deep: the condition reads the whole field, the mock answers and is logged',
    async (depth) => {
      const r = await fetch(h.url('/deep'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deepBody(depth),
      });
      expect(r.status).toBe(200);
      expect(await r.text()).toBe('hit');
      const [log] = logsOf(1);
      expect(log).toMatchObject({ mockId, responseStatus: 200, errorCode: null });
    },
  );
});

/** Names every plain JavaScript object inherits: a condition on them reads only what the request sent. */
const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe.each(PROTO_NAMES)('conditions on the field name "%s"', (name) => {
  const TYPES: ConditionType[] = ['header', 'query', 'body', 'path'];
  const slug = name.replace(/_/g, '');
  beforeAll(() => {
    for (const type of TYPES) {
      for (const operator of ['exists', 'equals'] as const) {
        h.addMock(
          { name: `${type} ${operator} ${name}`, method: 'POST', path: `/proto/${slug}/${type}/${operator}/{id}` },
          [
            { name: 'hit', body: 'hit', conditions: [{ type, field: name, operator, value: 'yes' }] },
            { name: 'miss', body: 'miss' },
          ],
        );
      }
    }
    // A path parameter with that name: its value is read like any other.
    h.addMock({ name: `param ${name}`, method: 'GET', path: `/param/${slug}/{${name}}` }, [
      { name: 'hit', body: 'hit', conditions: [{ type: 'path', field: name, operator: 'equals', value: 'yes' }] },
      { name: 'miss', body: 'miss' },
    ]);
  });

  const post = async (
    type: ConditionType,
    operator: string,
    init: RequestInit = {},
    query = '',
  ): Promise<[number, string]> => {
    const r = await fetch(h.url(`/proto/${slug}/${type}/${operator}/1${query}`), { method: 'POST', ...init });
    return [r.status, await r.text()];
  };

  it.each(['header', 'query', 'body', 'path'] as const)(
    'a request without the field: %s conditions do not match',
    async (type) => {
      for (const operator of ['exists', 'equals']) {
        const init = { headers: { 'content-type': 'application/json' }, body: '{"other":1}' };
        expect(await post(type, operator, init)).toEqual([200, 'miss']);
        expect(await post(type, operator)).toEqual([200, 'miss']);
      }
    },
  );

  it('a request with the field: query, JSON body and form body conditions read its value', async () => {
    const q = `?${encodeURIComponent(name)}=yes`;
    expect(await post('query', 'equals', {}, q)).toEqual([200, 'hit']);
    expect(await post('query', 'exists', {}, q)).toEqual([200, 'hit']);
    const json = { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [name]: 'yes' }) };
    // JSON.stringify({ ['__proto__']: … }) writes nothing (it sets the prototype): spell it out.
    json.body = `{${JSON.stringify(name)}:"yes"}`;
    expect(await post('body', 'equals', json)).toEqual([200, 'hit']);
    const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${name}=yes` };
    expect(await post('body', 'equals', form)).toEqual([200, 'hit']);
  });

  it.skipIf(name === '__proto__')('a request with the header: header conditions read its value', async () => {
    // Node drops a header named __proto__ (it would be the headers object's prototype).
    expect(await post('header', 'equals', { headers: { [name]: 'yes' } })).toEqual([200, 'hit']);
  });

  it('a path parameter of that name holds the segment it matched', async () => {
    expect(await (await fetch(h.url(`/param/${slug}/yes`))).text()).toBe('hit');
    expect(await (await fetch(h.url(`/param/${slug}/no`))).text()).toBe('miss');
  });
});

describe('a request whose mock fails to answer', () => {
  it('answers INTERNAL_ERROR, and its log row still names the mock and the response picked', async () => {
    // A stage that throws synchronously, as the deep-body condition once did (a stack overflow).
    const throwing: ResponseStage = {
      name: 'throwing',
      forMock: () => () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const own = await startHarness({ pipeline: insertStage(DEFAULT_PIPELINE, throwing, { after: 'select' }) });
    try {
      const { mockId, responseIds } = own.addMock({ name: 'boom', method: 'GET', path: '/boom' }, [{ body: 'ok' }]);
      const r = await fetch(own.url('/boom'));
      expect(r.status).toBe(500);
      expect(await r.json()).toMatchObject({ error: 'INTERNAL_ERROR', message: expect.stringContaining('call stack') });
      own.core.server.flushLogs();
      const [log] = own.core.store.logs.page({ projectId: own.project.id }, 1, 1).data;
      expect(log).toMatchObject({ mockId, responseId: responseIds[0], errorCode: 'INTERNAL_ERROR' });
    } finally {
      await own.close();
    }
  });
});
