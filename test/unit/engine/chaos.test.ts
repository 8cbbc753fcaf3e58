import { describe, expect, it } from 'vitest';
import { drawChaos } from '../../../main/core/engine/chaos';
import { compileProject } from '../../../main/core/engine/compile';
import { executeRequest } from '../../../main/core/engine/execute';
import { faultsStage } from '../../../main/core/engine/pipeline';
import type { CompiledProject } from '../../../main/core/engine/compile';
import {
  chaosSchema,
  MAX_DELAY_MS,
  sampleLatency,
  seededRandom,
  type Chaos,
  type ChaosInput,
  type Latency,
} from '../../../shared/models';
import { mock, project, request, response } from './fixtures';

const N = 20_000;
const chaos = (c: ChaosInput): Chaos => chaosSchema.parse(c);

/** `n` draws of `l` from a seeded source, sorted: quantiles are read off by index. */
function draws(l: Latency, seed = 42, n = N): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => sampleLatency(l, random)).sort((a, b) => a - b);
}
const q = (sorted: number[], p: number): number => sorted[Math.floor(p * (sorted.length - 1))]!;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const stddev = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

describe('latency distributions: measured quantiles match the parameters (seeded, 20,000 draws)', () => {
  it('fixed: every draw is the value', () => {
    expect(new Set(draws({ kind: 'fixed', ms: 150 }))).toEqual(new Set([150]));
  });

  it('uniform: quantile p is min + p·(max − min), and nothing falls outside', () => {
    const d = draws({ kind: 'uniform', min: 100, max: 300 });
    for (const p of [0.1, 0.25, 0.5, 0.75, 0.9]) expect(Math.abs(q(d, p) - (100 + 200 * p))).toBeLessThanOrEqual(5);
    expect(d[0]).toBeGreaterThanOrEqual(100);
    expect(d.at(-1)).toBeLessThanOrEqual(300);
  });

  it('normal: mean, stddev and the ±1σ quantiles (15.87%, 84.13%)', () => {
    const d = draws({ kind: 'normal', mean: 200, stddev: 40 });
    expect(Math.abs(mean(d) - 200)).toBeLessThan(2);
    expect(Math.abs(stddev(d) - 40)).toBeLessThan(2);
    expect(Math.abs(q(d, 0.5) - 200)).toBeLessThanOrEqual(3);
    expect(Math.abs(q(d, 0.1587) - 160)).toBeLessThanOrEqual(4);
    expect(Math.abs(q(d, 0.8413) - 240)).toBeLessThanOrEqual(4);
  });

  it('lognormal: the median and the p99 are the ones asked for, and the tail is long', () => {
    const d = draws({ kind: 'lognormal', median: 100, p99: 800 });
    expect(q(d, 0.5) / 100).toBeGreaterThan(0.96);
    expect(q(d, 0.5) / 100).toBeLessThan(1.04);
    expect(q(d, 0.99) / 800).toBeGreaterThan(0.9);
    expect(q(d, 0.99) / 800).toBeLessThan(1.1);
    // p90 = exp(μ + 1.2816σ) with σ = ln(8)/2.3263
    const p90 = Math.exp(Math.log(100) + (1.2816 * Math.log(8)) / 2.3263);
    expect(Math.abs(q(d, 0.9) / p90 - 1)).toBeLessThan(0.05);
    expect(mean(d)).toBeGreaterThan(q(d, 0.5)); // right-skewed
  });

  it('draws are clamped to [0, MAX_DELAY_MS] and whole milliseconds', () => {
    const low = draws({ kind: 'normal', mean: 10, stddev: 200 }, 1, 2000);
    expect(low[0]).toBe(0);
    const high = draws({ kind: 'lognormal', median: 50_000, p99: 60_000 }, 1, 2000);
    expect(high.at(-1)).toBe(MAX_DELAY_MS);
    expect([...low, ...high].every(Number.isInteger)).toBe(true);
  });

  it('the same seed gives the same draws; another seed other ones', () => {
    const l: Latency = { kind: 'lognormal', median: 80, p99: 900 };
    expect(draws(l, 5, 100)).toEqual(draws(l, 5, 100));
    const unsorted = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 20 }, () => sampleLatency(l, r));
    };
    expect(unsorted(5)).not.toEqual(unsorted(6));
  });
});

describe('error and fault rates (seeded, 10,000 draws)', () => {
  it('errorRate and faultRate are the shares of requests that error and fault', () => {
    const c = chaos({ errorRate: 0.2, fault: 'connection_reset', faultRate: 0.1 });
    const random = seededRandom(9);
    let errors = 0;
    let faults = 0;
    for (let i = 0; i < 10_000; i++) {
      const d = drawChaos(c, random);
      if (d.error) errors++;
      if (d.fault) faults++;
      expect(d.error && d.fault).toBeFalsy();
    }
    expect(Math.abs(errors / 10_000 - 0.2)).toBeLessThan(0.015);
    expect(Math.abs(faults / 10_000 - 0.1)).toBeLessThan(0.012);
  });
});

describe('the chaos schema names the problem and the fix', () => {
  const message = (input: unknown): string => {
    const r = chaosSchema.safeParse(input);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };

  it.each([
    [{ errorRate: 1.5 }, /errorRate: errorRate must be from 0 to 1/],
    [{ faultRate: 0.1 }, /fault: faultRate is above 0 but no fault is chosen: set fault to one of connection_reset/],
    [{ fault: 'explode', faultRate: 0.1 }, /fault: fault must be one of connection_reset, empty_response/],
    [{ errorStatus: 200 }, /errorStatus must be an error status from 400 to 599/],
    [{ latency: { kind: 'uniform', min: 300, max: 100 } }, /latency.min: latency.min must not be above latency.max/],
    [
      { latency: { kind: 'lognormal', median: 200, p99: 100 } },
      /latency.p99: latency.p99 must be at least latency.median/,
    ],
    [{ latency: { kind: 'poisson', ms: 1 } }, /latency.kind must be one of fixed, uniform, normal, lognormal/],
    [{ latency: { kind: 'fixed', ms: 70_000 } }, /latency.ms is at most 60000 ms/],
    [{ errorRate: 0.7, fault: 'empty_response', faultRate: 0.5 }, /errorRate \+ faultRate is above 1/],
    [{ errorRat: 0.1 }, /errorRat/],
  ])('%j', (input, expected) => {
    expect(message(input)).toMatch(expected);
  });

  it('fills defaults: no latency, no error, 503, no fault', () => {
    expect(chaosSchema.parse({})).toEqual({
      latency: null,
      errorRate: 0,
      errorStatus: 503,
      errorBody: '',
      fault: null,
      faultRate: 0,
    });
  });
});

describe('faults stage: whose chaos applies, and what it costs', () => {
  const serve = (c: CompiledProject, path = '/users', random = seededRandom(1), enabled = true) =>
    executeRequest(c, request({ path }), { random, chaos: { enabled } });

  function compiled(mockChaos: Chaos | null, projectChaos: Chaos | null, delay = 0) {
    const m = mock({ chaos: mockChaos, responseDelay: delay });
    return compileProject({
      project: project({ chaos: projectChaos }),
      mocks: [m],
      responses: [response(m.id, { statusCode: 200, body: 'ok' })],
    });
  }
  const alwaysError = (status: number) => chaos({ errorRate: 1, errorStatus: status });

  it('a mock without chaos in a project without chaos has no faults step (no delay either)', () => {
    const plain = compiled(null, null);
    const cm = [...plain.mocks.values()][0]!;
    expect(faultsStage.forMock!(cm, plain.project)).toBeUndefined();
    expect(faultsStage.forUnmatched!(plain.project)).toBeUndefined();
    expect(cm.steps).toHaveLength(1); // select only
    // A setting that does nothing costs nothing either.
    const c = compiled(chaos({}), null);
    expect([...c.mocks.values()][0]!.steps).toHaveLength(1); // select only
  });

  it("the mock's chaos wins over the project's", () => {
    const r = serve(compiled(alwaysError(502), alwaysError(503)));
    expect(r.status).toBe(502);
    expect(r.chaos).toEqual({ source: 'mock', errorStatus: 502 });
  });

  it("a mock without chaos gets the project's; a mock with a do-nothing setting opts out of it", () => {
    const r = serve(compiled(null, alwaysError(503)));
    expect(r.status).toBe(503);
    expect(r.headers['x-mockdeck-chaos']).toBe('error');
    expect(JSON.parse(r.body as string)).toMatchObject({ error: 'CHAOS_INJECTED_ERROR' });
    expect(r.chaos).toEqual({ source: 'project', errorStatus: 503 });
    const optedOut = serve(compiled(chaos({}), alwaysError(503)));
    expect(optedOut.status).toBe(200);
    expect(optedOut.chaos).toBeNull();
  });

  it("requests no mock matches get the project's chaos before the 404 (a fault answers them)", () => {
    const c = compiled(null, chaos({ fault: 'connection_reset', faultRate: 1, latency: { kind: 'fixed', ms: 30 } }));
    const r = serve(c, '/nothing-here');
    expect(r.fault).toBe('connection_reset');
    expect(r.errorCode).toBeNull(); // the fallback did not answer
    expect(r.delayMs).toBe(30);
    expect(r.chaos).toEqual({ source: 'project', latencyMs: 30, fault: 'connection_reset' });
    expect(serve(compiled(null, alwaysError(504)), '/nothing-here').status).toBe(504);
  });

  it('a custom error body is sent with a content type that fits it', () => {
    const json = serve(compiled(chaos({ errorRate: 1, errorBody: '{"oops":true}' }), null));
    expect(json.body).toBe('{"oops":true}');
    expect(json.headers['content-type']).toMatch(/json/);
    const text = serve(compiled(chaos({ errorRate: 1, errorBody: 'down for maintenance' }), null));
    expect(text.headers['content-type']).toMatch(/text\/plain/);
  });

  it('latency comes on top of the response delay, clamped to MAX_DELAY_MS', () => {
    expect(serve(compiled(chaos({ latency: { kind: 'fixed', ms: 40 } }), null, 100)).delayMs).toBe(140);
    expect(serve(compiled(chaos({ latency: { kind: 'fixed', ms: 60_000 } }), null, 100)).delayMs).toBe(MAX_DELAY_MS);
  });

  it('the kill switch off: no chaos at all, the response delay still applies', () => {
    const c = compiled(
      chaos({ errorRate: 1, latency: { kind: 'fixed', ms: 40 } }),
      chaos({ fault: 'empty_response', faultRate: 1 }),
      100,
    );
    const off = serve(c, '/users', seededRandom(1), false);
    expect(off).toMatchObject({ status: 200, body: 'ok', delayMs: 100, fault: null, chaos: null });
    expect(serve(c, '/nothing', seededRandom(1), false)).toMatchObject({ status: 404, fault: null });
    expect(serve(c, '/users', seededRandom(1), true).status).toBe(503);
  });
});
