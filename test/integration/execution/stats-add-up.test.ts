import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectStats } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function stats(hx: Harness): Promise<ProjectStats> {
  const r = await hx.app.router.call('stats.project', { projectId: hx.project.id }, { transport: 'cli' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('project stats add up (issue 17)', () => {
  it.each([
    ['keeping rows', 1000],
    ['keeping no rows at all', 0],
  ])('counts per mock, per response, per status and unmatched, %s', async (_what, logRetention) => {
    h = await startHarness({ logRetention });
    const users = h.addMock({ name: 'users', method: 'GET', path: '/users' }, [
      { name: 'ok', statusCode: 200, body: '[]', isDefault: true },
      {
        name: 'guest',
        statusCode: 403,
        body: '{}',
        conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'guest' }],
      },
    ]);
    const gone = h.addMock({ name: 'gone', method: 'GET', path: '/gone' }, [{ statusCode: 204, body: '' }]);
    const get = async (p: string, headers: Record<string, string> = {}) => (await fetch(h!.url(p), { headers })).text();
    await get('/users');
    await get('/users');
    await get('/users', { 'x-role': 'guest' });
    await get('/nothing-here');
    await get('/nor-here');
    await get('/gone');
    h.core.catalog.mocks.delete(gone.mockId);

    const s = await stats(h);
    expect(s.totalRequests).toBe(6);
    expect(s.unmatchedRequests).toBe(2);
    expect(s.deletedMockRequests).toBe(1);
    const u = s.mocks.find((m) => m.mockId === users.mockId)!;
    expect(u.totalRequests).toBe(3);
    expect(u.responses.map((r) => [r.name, r.statusCode, r.totalRequests])).toEqual([
      ['ok', 200, 2],
      ['guest', 403, 1],
    ]);
    expect(s.statuses).toEqual([
      { status: 200, totalRequests: 2 },
      { status: 204, totalRequests: 1 },
      { status: 403, totalRequests: 1 },
      { status: 404, totalRequests: 2 },
    ]);
    // The rows add up to the total, both ways.
    const inMocks = s.mocks.reduce((n, m) => n + m.totalRequests, 0);
    expect(inMocks + s.unmatchedRequests + s.deletedMockRequests).toBe(s.totalRequests);
    expect(s.statuses.reduce((n, x) => n + x.totalRequests, 0)).toBe(s.totalRequests);
  });
});
