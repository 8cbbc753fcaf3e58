import { describe, expect, it } from 'vitest';
import { fetchQuery, invalidate, setQueryData, useQueryCache } from '../../../renderer/src/app/query';
import { toAppError } from '../../../renderer/src/app/api';
import { ApiError } from '../../../renderer/src/platform/api-error';

describe('query cache', () => {
  it('shares one in-flight fetch per key and stores the result', async () => {
    let n = 0;
    const fetcher = async () => ++n;
    const [a, b] = await Promise.all([fetchQuery('k:1', fetcher), fetchQuery('k:1', fetcher)]);
    expect([a, b, n]).toEqual([1, 1, 1]);
    expect(useQueryCache.getState().entries['k:1']).toMatchObject({ data: 1, loading: false, error: null });
  });
  it('stores a failure as a readable error', async () => {
    await expect(
      fetchQuery('k:err', async () => {
        throw new ApiError({ code: 'NOT_FOUND', message: 'mock "x" does not exist', hint: 'check the id' });
      }),
    ).rejects.toBeTruthy();
    expect(useQueryCache.getState().entries['k:err']?.error).toEqual({
      code: 'NOT_FOUND',
      message: 'mock "x" does not exist',
      hint: 'check the id',
    });
  });
  it('a refresh asked for while the same fetch runs is fetched again, and the older answer never wins', async () => {
    // Switching organization while the Team tab opens: the first fetch (old org) is still
    // running when invalidate asks for the new org's answer.
    const gates: Array<(v: string) => void> = [];
    const fetcher = () => new Promise<string>((resolve) => gates.push(resolve));
    const first = fetchQuery('k:race', fetcher);
    invalidate('k:race');
    const second = fetchQuery('k:race', fetcher);
    expect(gates).toHaveLength(2);
    gates[1]?.('new org');
    await second;
    gates[0]?.('old org');
    await first;
    expect(useQueryCache.getState().entries['k:race']).toMatchObject({ data: 'new org', loading: false });
  });
  it('invalidate bumps the generation of every key under a prefix', () => {
    setQueryData('mocks:p1', []);
    setQueryData('mocks:p2', []);
    setQueryData('mock:m1', {});
    invalidate('mocks:');
    const e = useQueryCache.getState().entries;
    expect(e['mocks:p1']?.generation).toBe(1);
    expect(e['mocks:p2']?.generation).toBe(1);
    expect(e['mock:m1']?.generation).toBe(0);
  });
});

describe('toAppError', () => {
  it('keeps the shape the bridge attaches, and gives anything else a message', () => {
    const shape = {
      code: 'PORT_IN_USE' as const,
      message: 'port 3001 is in use',
      hint: 'stop the other program or choose another port',
    };
    expect(toAppError(new ApiError(shape))).toEqual(shape);
    expect(toAppError(new Error('socket closed'))).toMatchObject({ code: 'INTERNAL_ERROR', message: 'socket closed' });
    expect(toAppError('boom')).toMatchObject({ message: 'boom' });
  });
});
