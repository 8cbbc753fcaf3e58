import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const body = async (path: string, init?: RequestInit) => (await fetch(h.url(path), init)).text();

describe('selection over HTTP (§5, §8)', () => {
  it('weighted random with the injected seeded RNG: 3:1 over 2,000 requests lands near 75%', async () => {
    h.addMock({ name: 'w', method: 'GET', path: '/weighted' }, [
      { name: 'a', body: 'a', weight: 75 },
      { name: 'b', body: 'b', weight: 25 },
    ]);
    let a = 0;
    for (let i = 0; i < 2000; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => body('/weighted')));
      a += batch.filter((x) => x === 'a').length;
    }
    expect(a / 2000).toBeGreaterThan(0.72);
    expect(a / 2000).toBeLessThan(0.78);
  }, 60_000);

  it('all weights 0: the default response, else the first', async () => {
    h.addMock({ name: 'z', method: 'GET', path: '/zero' }, [
      { name: 'first', body: 'first', weight: 0 },
      { name: 'default', body: 'default', weight: 0, isDefault: true },
    ]);
    h.addMock({ name: 'z2', method: 'GET', path: '/zero-nodefault' }, [
      { name: 'first', body: 'first', weight: 0 },
      { name: 'second', body: 'second', weight: 0 },
    ]);
    for (let i = 0; i < 10; i++) {
      expect(await body('/zero')).toBe('default');
      expect(await body('/zero-nodefault')).toBe('first');
    }
  });

  it('matched conditional responses win over unconditioned ones; otherwise the unconditioned pool answers', async () => {
    h.addMock({ name: 'pool', method: 'GET', path: '/pool' }, [
      { name: 'fallback', body: 'fallback', weight: 1000 },
      {
        name: 'vip',
        body: 'vip',
        weight: 1,
        conditions: [{ type: 'query', field: 'tier', operator: 'equals', value: 'vip' }],
      },
    ]);
    for (let i = 0; i < 10; i++) {
      expect(await body('/pool?tier=vip')).toBe('vip');
      expect(await body('/pool?tier=basic')).toBe('fallback');
    }
  });

  it('sequential mode cycles in sort order and restarts when the mock changes', async () => {
    const { mockId } = h.addMock({ name: 'seq', method: 'GET', path: '/seq', responseMode: 'sequential' }, [
      { name: '1', body: '1' },
      { name: '2', body: '2' },
      { name: '3', body: '3' },
    ]);
    const got: string[] = [];
    for (let i = 0; i < 5; i++) got.push(await body('/seq'));
    expect(got).toEqual(['1', '2', '3', '1', '2']);
    h.core.catalog.mocks.update(mockId, { description: 'edited' });
    expect(await body('/seq')).toBe('1');
  });

  it('sequential state of one mock survives edits to another mock of the project', async () => {
    h.addMock({ name: 'seq2', method: 'GET', path: '/seq2', responseMode: 'sequential' }, [
      { name: 'x', body: 'x' },
      { name: 'y', body: 'y' },
    ]);
    expect(await body('/seq2')).toBe('x');
    h.addMock({ name: 'unrelated', method: 'GET', path: '/unrelated' }, [{ body: 'u' }]);
    expect(await body('/seq2')).toBe('y');
  });
});
