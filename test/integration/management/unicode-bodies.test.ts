import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLoneSurrogate } from '../../../main/core/server/management/lone-surrogate';
import { seedProject, startApi, type Api } from './harness';

let api: Api;
let ids: Awaited<ReturnType<typeof seedProject>>;
beforeAll(async () => {
  api = await startApi();
  ids = await seedProject(api);
});
afterAll(async () => {
  await api.close();
});

describe('lone UTF-16 surrogates in management bodies', () => {
  it('refuses a lone surrogate with a 400 naming the field, and stores nothing', async () => {
    const before = (await api.call('GET', '/projects')).json.data.length;
    // Sent as raw JSON text: JSON.stringify would escape it the same way.
    const res = await api.call('POST', '/projects', '{"name":"API \\ud800 one","description":"ok"}');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'name' });
    expect(res.json.message).toMatch(/unpaired UTF-16 surrogate/);
    expect(res.json.hint).toMatch(/surrogate pair/);
    expect((await api.call('GET', '/projects')).json.data).toHaveLength(before);
  });

  it('names nested fields and keys: a low surrogate alone, a high one at the end', async () => {
    const headers = await api.call(
      'POST',
      `/mocks/${ids.mockId}/responses`,
      '{"name":"R","statusCode":200,"headers":{"X-A":"fine","X-B":"tail \\uD83D"}}',
    );
    expect(headers.status).toBe(400);
    expect(headers.json.field).toBe('headers.X-B');
    const cond = await api.call(
      'POST',
      `/mocks/${ids.mockId}/responses`,
      '{"name":"R","statusCode":200,"conditions":[{"type":"header","field":"x","operator":"equals","value":"\\udc00x"}]}',
    );
    expect(cond.status).toBe(400);
    expect(cond.json.field).toBe('conditions.0.value');
  });

  it('stores a valid surrogate pair and literal non-BMP text exactly as sent', async () => {
    for (const [raw, expected] of [
      ['{"name":"Smile \\ud83d\\ude00"}', 'Smile 😀'],
      ['{"name":"Smile 😀 raw"}', 'Smile 😀 raw'],
    ] as const) {
      const res = await api.call('POST', '/projects', raw);
      expect(res.status).toBe(201);
      const read = await api.call('GET', `/projects/${res.json.data.project_id}`);
      expect(read.json.data.name).toBe(expected);
    }
  });
});

describe('findLoneSurrogate', () => {
  it('finds the first bad string or key, in document order, without recursion', () => {
    expect(findLoneSurrogate({ a: 'x', b: ['ok', '\ud800'] })).toBe('b.1');
    expect(findLoneSurrogate({ ['k\udfff']: 1 })).toBe('k\udfff');
    expect(findLoneSurrogate('\ud800')).toBe('');
    expect(findLoneSurrogate({ a: '\ud83d\ude00', b: [1, null, true] })).toBeNull();
    let deep: unknown = '\udc00';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findLoneSurrogate(deep)).toBe(Array(100_000).fill('0').join('.'));
  });
});
