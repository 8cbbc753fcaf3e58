import { sampleLatency, type Chaos, type FaultKind } from '../../../shared/models';

/** What chaos decided for one request. */
export interface ChaosDraw {
  latencyMs?: number;
  fault?: FaultKind;
  error?: true;
}

/**
 * Draws one request's chaos from `random`, always in the same order (latency, then one draw
 * for the outcome), so a seeded source gives the same run every time. The outcome draw splits
 * [0, 1) into a fault share, an error share and the rest, so faultRate 0.1 and errorRate 0.2
 * fault 10% of requests and error 20% of them, as the settings read (the schema keeps the sum
 * at most 1).
 */
export function drawChaos(c: Chaos, random: () => number): ChaosDraw {
  const d: ChaosDraw = {};
  if (c.latency !== null) d.latencyMs = sampleLatency(c.latency, random);
  if (c.faultRate === 0 && c.errorRate === 0) return d;
  const u = random();
  if (u < c.faultRate && c.fault !== null) d.fault = c.fault;
  else if (u >= c.faultRate && u < c.faultRate + c.errorRate) d.error = true;
  return d;
}
