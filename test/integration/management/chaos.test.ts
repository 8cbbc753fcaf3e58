import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProject, startApi, type Api } from './harness';

/** `PUT /mocks/:id` and `PUT /projects/:id` take `chaos`; GET returns it; a bad one is a 400 naming the field. */

let api: Api;
let ids: Awaited<ReturnType<typeof seedProject>>;
beforeAll(async () => {
  api = await startApi();
  ids = await seedProject(api);
});
afterAll(() => api.close());

const chaos = {
  latency: { kind: 'lognormal', median: 120, p99: 900 },
  errorRate: 0.05,
  errorStatus: 502,
  errorBody: '{"error":"upstream"}',
  fault: 'connection_reset',
  faultRate: 0.01,
};

describe('chaos on the management API', () => {
  it('PUT /mocks/:id sets it (defaults filled), GET returns it, null turns it off', async () => {
    const put = await api.call('PUT', `/mocks/${ids.mockId}`, { chaos: { errorRate: 0.1 } });
    expect(put.status).toBe(200);
    expect(put.json.data.chaos).toEqual({
      latency: null,
      errorRate: 0.1,
      errorStatus: 503,
      errorBody: '',
      fault: null,
      faultRate: 0,
    });
    await api.call('PUT', `/mocks/${ids.mockId}`, { chaos });
    expect((await api.call('GET', `/mocks/${ids.mockId}`)).json.data.chaos).toEqual(chaos);
    // Other fields leave it alone.
    await api.call('PUT', `/mocks/${ids.mockId}`, { name: 'Renamed' });
    expect((await api.call('GET', `/mocks/${ids.mockId}`)).json.data.chaos).toEqual(chaos);
    await api.call('PUT', `/mocks/${ids.mockId}`, { chaos: null });
    expect((await api.call('GET', `/mocks/${ids.mockId}`)).json.data.chaos).toBeNull();
    // Lists carry it too.
    const list = await api.call('GET', `/projects/${ids.projectId}/mocks`);
    expect(list.json.data.every((m: { chaos: unknown }) => m.chaos === null)).toBe(true);
  });

  it('PUT /projects/:id sets the project-wide setting; GET returns it', async () => {
    const put = await api.call('PUT', `/projects/${ids.projectId}`, { chaos });
    expect(put.status).toBe(200);
    expect(put.json.data.chaos).toEqual(chaos);
    expect((await api.call('GET', `/projects/${ids.projectId}`)).json.data.chaos).toEqual(chaos);
    await api.call('PUT', `/projects/${ids.projectId}`, { chaos: null });
    expect((await api.call('GET', `/projects/${ids.projectId}`)).json.data.chaos).toBeNull();
  });

  it.each([
    [{ chaos: { errorRate: 2 } }, 'chaos.errorRate', /from 0 to 1/],
    [{ chaos: { faultRate: 0.5 } }, 'chaos.fault', /no fault is chosen/],
    [{ chaos: { latency: { kind: 'gamma' } } }, 'chaos.latency.kind', /fixed, uniform, normal, lognormal/],
    [{ chaos: { latency: { kind: 'normal', mean: 100, stddev: -1 } } }, 'chaos.latency.stddev', /cannot be negative/],
    [{ chaos: 'on' }, 'chaos', /chaos must be an object such as \{"errorRate":0.1\}, or null/],
  ])('a bad setting %j is a 400 naming %s, and changes nothing', async (body, field, message) => {
    for (const path of [`/mocks/${ids.mockId}`, `/projects/${ids.projectId}`]) {
      const r = await api.call('PUT', path, body);
      expect(r.status, path).toBe(400);
      expect(r.json.error).toBe('VALIDATION_ERROR');
      expect(r.json.field).toBe(field);
      expect(r.json.message).toMatch(message);
      expect((await api.call('GET', path)).json.data.chaos).toBeNull();
    }
  });
});
