import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REGEX_INPUT } from '../../../shared/models';
import { startHarness, type Harness } from './harness';
import { latencyDuring, median } from './latency-probe';

/**
 * docs/security.md, item 2: a regex condition over a big body costs bounded work, so one
 * client uploading 10 MiB to a regex-conditioned mock does not stall the other mocks.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.addMock({ name: 'Ping', method: 'GET', path: '/ping' }, [{ body: 'pong' }]);
  // A lookbehind over the whole body: before the bounds, 10 MiB of it took seconds per request.
  h.addMock({ name: 'Scan', method: 'POST', path: '/scan' }, [
    { name: 'hit', body: 'hit', conditions: [{ type: 'body', field: '$', operator: 'regex', value: '(?<=[a-z])\\d' }] },
    { name: 'miss', body: 'miss' },
  ]);
});
afterAll(() => h.close());

const scan = async (body: string): Promise<string> => {
  const res = await fetch(h.url('/scan'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
  expect(res.status).toBe(200);
  return res.text();
};

describe('regex conditions over big bodies', () => {
  it('a 10 MiB body against a regex-conditioned mock leaves a concurrent mock answering in < 100 ms', async () => {
    const big = 'a'.repeat(10 * 1024 * 1024);
    const answers: string[] = [];
    const latencies = await latencyDuring(h.url('/ping'), async () => {
      answers.push(await scan(big));
    });
    expect(new Set(answers)).toEqual(new Set(['miss']));
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    expect(median(latencies)).toBeLessThan(100);
  }, 120_000);

  it(`the condition reads the first ${MAX_REGEX_INPUT} characters of the body: a match past them does not count`, async () => {
    expect(await scan(`${'a'.repeat(1000)}1`)).toBe('hit');
    expect(await scan(`${'a'.repeat(MAX_REGEX_INPUT - 1)}1`)).toBe('hit');
    expect(await scan(`${'a'.repeat(MAX_REGEX_INPUT)}1`)).toBe('miss');
  });
});
