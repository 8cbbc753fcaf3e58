import { afterEach, describe, expect, it } from 'vitest';
import type { MockWritten, RequestLog, RequestLogSummary } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function call<T>(hx: Harness, name: string, input: unknown): Promise<T> {
  const r = await hx.app.router.call(name as 'requestLogs.get', input as never, { transport: 'cli' });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const newest = async (hx: Harness): Promise<RequestLogSummary> =>
  (await call<{ rows: RequestLogSummary[] }>(hx, 'requestLogs.list', { projectId: hx.project.id, limit: 1 })).rows[0]!;

describe('create a mock from a logged request', () => {
  it('turns a 404 into a mock that answers the same request next time', async () => {
    h = await startHarness();
    expect((await fetch(h.url('/orders/42'), { method: 'DELETE' })).status).toBe(404);
    const log = await newest(h);
    expect(log.mockId).toBeNull();
    const mock = await call<MockWritten>(h, 'requestLogs.createMock', { id: log.id });
    expect(mock).toMatchObject({ method: 'DELETE', path: '/orders/42', name: 'DELETE /orders/42' });
    expect(mock.warnings).toBeUndefined();
    const again = await fetch(h.url('/orders/42'), { method: 'DELETE' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({});
  });

  it("copies a matched request's answer, and warns that the new mock is shadowed by the one that answered", async () => {
    h = await startHarness();
    const { mockId } = h.addMock({ name: 'item', method: 'GET', path: '/items/{id}' }, [
      { statusCode: 202, body: '{"id":"x"}' },
    ]);
    await (await fetch(h.url('/items/7'))).text();
    const log = await newest(h);
    const mock = await call<MockWritten>(h, 'requestLogs.createMock', { id: log.id, name: 'Item 7' });
    expect(mock.warnings).toBeUndefined(); // /items/7 is another route than /items/{id}
    const full = await call<{ responses: { statusCode: number; body: string }[] }>(h, 'mocks.get', { id: mock.id });
    expect(full.responses).toMatchObject([{ statusCode: 202, body: '{"id":"x"}' }]);
    // The same logged request again: now /items/7 exists, so the copy shadows it.
    const twice = await call<MockWritten>(h, 'requestLogs.createMock', { id: log.id });
    expect(twice.warnings?.[0]).toMatchObject({ code: 'ROUTE_SHADOWED', shadowedBy: mock.id });
    expect(mockId).not.toBe(mock.id);
    const missing = await h.app.router.call('requestLogs.createMock', { id: 'nope' }, { transport: 'cli' });
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
  });
});

describe('first-match rule over HTTP', () => {
  it('answers with the first matching response and logs which others matched and lost', async () => {
    h = await startHarness();
    const admin = { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' } as const;
    const any = { type: 'header', field: 'x-role', operator: 'exists', value: '' } as const;
    h.addMock({ name: 'me', method: 'GET', path: '/me', responseSelection: 'first' }, [
      { name: 'admin', body: 'admin', conditions: [admin] },
      { name: 'anyone', body: 'anyone', conditions: [any] },
      { name: 'fallback', body: 'nobody' },
    ]);
    for (let i = 0; i < 5; i++) {
      expect(await (await fetch(h.url('/me'), { headers: { 'x-role': 'admin' } })).text()).toBe('admin');
    }
    const log = await call<RequestLog>(h, 'requestLogs.get', { id: (await newest(h)).id });
    expect(log.alsoMatched).toEqual([expect.objectContaining({ responseName: 'anyone', rule: 'first' })]);
    expect((await newest(h)).alsoMatched).toHaveLength(1);
  });
});
