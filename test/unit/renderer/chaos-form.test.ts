import { describe, expect, it } from 'vitest';
import { formOf, NEW_CHAOS_FORM, parseForm } from '../../../renderer/src/features/chaos/chaos-form';
import { histogramOf, PREVIEW_DRAWS } from '../../../renderer/src/features/chaos/histogram';
import { chaosSchema } from '../../../shared/models';

describe('the chaos panel form', () => {
  it('maps a setting to the form and back (rates in percent)', () => {
    const c = chaosSchema.parse({
      latency: { kind: 'uniform', min: 10, max: 90 },
      errorRate: 0.125,
      errorStatus: 429,
      errorBody: 'slow down',
      fault: 'empty_response',
      faultRate: 0.02,
    });
    const f = formOf(c);
    expect(f).toMatchObject({ latencyKind: 'uniform', a: '10', b: '90', errorPct: '12.5', faultPct: '2' });
    expect(parseForm(f)).toEqual({ ok: true, value: c });
    expect(formOf(null)).toBe(NEW_CHAOS_FORM);
  });

  it("puts the schema's messages under the fields they are about", () => {
    const r = parseForm({ ...NEW_CHAOS_FORM, a: '300', b: '100', errorStatus: '200' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.b).toMatch(/^p99 must be at least Median \(the 99th percentile is the slow tail\)/);
    expect(r.errors.errorStatus).toMatch(/^Error status must be an error status from 400 to 599/);
    const rates = parseForm({ ...NEW_CHAOS_FORM, errorPct: '150', faultPct: 'x' });
    expect(rates).toEqual({
      ok: false,
      errors: {
        errorPct: 'Error rate must be a percentage from 0 to 100',
        faultPct: 'Fault rate must be a percentage from 0 to 100',
      },
    });
    const noFault = parseForm({ ...NEW_CHAOS_FORM, faultPct: '5' });
    expect(!noFault.ok && noFault.errors.fault).toMatch(/^Fault rate is above 0 but no fault is chosen/);
    const both = parseForm({ ...NEW_CHAOS_FORM, errorPct: '70', fault: 'empty_response', faultPct: '50' });
    expect(!both.ok && both.errors.errorPct).toMatch(/^Error rate \+ fault rate is above 100%/);
  });
});

describe('the histogram preview', () => {
  it("bins every draw of the engine's sampler; its quantiles follow the setting", () => {
    const h = histogramOf({ kind: 'normal', mean: 200, stddev: 40 });
    expect(h.bins.reduce((a, b) => a + b, 0)).toBe(PREVIEW_DRAWS);
    expect(Math.abs(h.p50 - 200)).toBeLessThanOrEqual(5);
    expect(Math.abs(h.p99 - (200 + 2.326 * 40))).toBeLessThanOrEqual(10);
    // The tallest bin is in the middle for a normal, at the left for a long-tailed log-normal.
    const peak = (bins: number[]) => bins.indexOf(Math.max(...bins)) / bins.length;
    expect(peak(h.bins)).toBeGreaterThan(0.3);
    expect(peak(histogramOf({ kind: 'lognormal', median: 20, p99: 400 }).bins)).toBeLessThan(0.2);
  });

  it('a fixed latency is one bar', () => {
    const h = histogramOf({ kind: 'fixed', ms: 120 });
    expect(h.bins.filter((n) => n > 0)).toEqual([PREVIEW_DRAWS]);
    expect([h.min, h.p50, h.p99]).toEqual([120, 120, 120]);
  });
});
