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

  it('GET /chaos shows the kill switch; PUT /chaos turns it off and on for the running server', async () => {
    await api.call('PUT', `/mocks/${ids.mockId}`, { chaos: { errorRate: 1 } });
    const shown = await api.call('GET', '/chaos');
    expect(shown.status).toBe(200);
    expect(shown.json.data).toEqual({ enabled: true, settings: expect.any(Number) });
    expect(shown.json.data.settings).toBeGreaterThanOrEqual(1);

    const off = await api.call('PUT', '/chaos', { enabled: false });
    expect(off.status).toBe(200);
    expect(off.json.data).toEqual({ enabled: false, settings: shown.json.data.settings });
    expect(api.core.server.state().chaos.enabled).toBe(false);
    expect((await api.call('GET', '/chaos')).json.data.enabled).toBe(false);
    expect((await api.call('PUT', '/chaos', { enabled: true, persist: false })).json.data.enabled).toBe(true);
    expect(api.core.server.state().chaos.enabled).toBe(true);
    await api.call('PUT', `/mocks/${ids.mockId}`, { chaos: null });
  });

  it('PUT /chaos needs the token and a boolean `enabled`; a bad body is a 400 naming the field', async () => {
    const anonymous = await fetch(`${api.base}/chaos`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"enabled": false}',
    });
    expect(anonymous.status).toBe(401);
    expect(api.core.server.state().chaos.enabled).toBe(true);
    for (const body of [{}, { enabled: 'no' }, { enabled: false, extra: 1 }]) {
      const bad = await api.call('PUT', '/chaos', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.error).toBe('VALIDATION_ERROR');
    }
    const missing = await api.call('PUT', '/chaos', {});
    expect(missing.json).toMatchObject({ field: 'enabled', message: expect.stringMatching(/enabled/) });
    expect(api.core.server.state().chaos.enabled).toBe(true);
  });
});
