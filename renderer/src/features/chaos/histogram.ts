import { sampleLatency, seededRandom, type Latency } from '../../../../shared/models';

export interface Histogram {
  /** Bin counts, left to right; the last bin also holds the draws past its right edge. */
  bins: number[];
  min: number;
  /** Right edge of the last bin. */
  max: number;
  p50: number;
  p95: number;
  p99: number;
}

export const PREVIEW_DRAWS = 4000;
const BINS = 32;

/**
 * Draws `PREVIEW_DRAWS` latencies with the engine's own sampler and a fixed seed (so the
 * picture is steady while the user types) and bins them. The range ends at the 99.5th
 * percentile, so a long tail does not squash the body into one bar.
 */
export function histogramOf(l: Latency, draws = PREVIEW_DRAWS): Histogram {
  const random = seededRandom(1);
  const xs = Array.from({ length: draws }, () => sampleLatency(l, random)).sort((a, b) => a - b);
  const q = (p: number) => xs[Math.floor(p * (xs.length - 1))]!;
  const min = xs[0]!;
  const max = Math.max(q(0.995), min + 1);
  const width = (max - min) / BINS;
  const bins = new Array<number>(BINS).fill(0);
  for (const x of xs) bins[Math.min(BINS - 1, Math.floor((x - min) / width))]!++;
  return { bins, min, max, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}
