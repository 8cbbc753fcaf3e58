import { z } from 'zod';
import { MAX_DELAY_MS } from './delay';

/**
 * Chaos: what a mock (or a whole project) does to the requests it answers to rehearse
 * failure — a latency drawn from a distribution, an injected error answer, a network fault.
 * The one definition: the store, the project file, the management API and the renderer's
 * chaos panel all use this schema, and the engine and the panel's histogram draw latencies
 * with the same pure function (sampleLatency), so the preview shows what the server does.
 */

export const LATENCY_KINDS = ['fixed', 'uniform', 'normal', 'lognormal'] as const;
export type LatencyKind = (typeof LATENCY_KINDS)[number];

export const FAULT_KINDS = ['connection_reset', 'empty_response', 'malformed_chunk', 'random_data_then_close'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** An injected error body is at most this long (it is sent, and logged, like a response body). */
export const MAX_CHAOS_ERROR_BODY = 64 * 1024;

const ms = (field: string) =>
  z
    .number({ message: `${field} must be a number of milliseconds` })
    .min(0, `${field} cannot be negative`)
    .max(MAX_DELAY_MS, `${field} is at most ${MAX_DELAY_MS} ms (the longest delay MockDeck waits)`);

const rate = (field: string) =>
  z
    .number({ message: `${field} must be a number from 0 to 1 (0.1 = 10% of requests)` })
    .min(0, `${field} must be from 0 to 1 (0.1 = 10% of requests)`)
    .max(1, `${field} must be from 0 to 1 (0.1 = 10% of requests)`);

export const latencySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('fixed'), ms: ms('latency.ms') }),
    z
      .object({ kind: z.literal('uniform'), min: ms('latency.min'), max: ms('latency.max') })
      .refine((l) => l.min <= l.max, { message: 'latency.min must not be above latency.max', path: ['min'] }),
    z.object({
      kind: z.literal('normal'),
      mean: ms('latency.mean'),
      stddev: ms('latency.stddev'),
    }),
    z
      .object({
        kind: z.literal('lognormal'),
        median: ms('latency.median').refine((v) => v > 0, 'latency.median must be above 0 ms'),
        p99: ms('latency.p99'),
      })
      .refine((l) => l.p99 >= l.median, {
        message: 'latency.p99 must be at least latency.median (the 99th percentile is the slow tail)',
        path: ['p99'],
      }),
  ],
  { error: () => `latency.kind must be one of ${LATENCY_KINDS.join(', ')}` },
);
export type Latency = z.infer<typeof latencySchema>;

export const DEFAULT_CHAOS_ERROR_STATUS = 503;

export const chaosSchema = z
  .object(
    {
      latency: latencySchema.nullable().default(null),
      errorRate: rate('errorRate').default(0),
      errorStatus: z
        .number({ message: 'errorStatus must be an HTTP status number, e.g. 503' })
        .int('errorStatus must be a whole number, e.g. 503')
        .min(400, 'errorStatus must be an error status from 400 to 599, e.g. 503')
        .max(599, 'errorStatus must be an error status from 400 to 599, e.g. 503')
        .default(DEFAULT_CHAOS_ERROR_STATUS),
      /** Sent as the injected error's body; empty: a JSON error naming the injection. */
      errorBody: z
        .string({ message: 'errorBody must be text' })
        .max(MAX_CHAOS_ERROR_BODY, `errorBody is at most ${MAX_CHAOS_ERROR_BODY} characters`)
        .default(''),
      fault: z
        .enum(FAULT_KINDS, { message: `fault must be one of ${FAULT_KINDS.join(', ')}` })
        .nullable()
        .default(null),
      faultRate: rate('faultRate').default(0),
    },
    {
      error: (i) =>
        i.input === undefined ? undefined : 'chaos must be an object such as {"errorRate":0.1}, or null to turn it off',
    },
  )
  .strict()
  .refine((c) => c.faultRate === 0 || c.fault !== null, {
    message: `faultRate is above 0 but no fault is chosen: set fault to one of ${FAULT_KINDS.join(', ')}`,
    path: ['fault'],
  })
  .refine((c) => c.errorRate + c.faultRate <= 1, {
    message:
      'errorRate + faultRate is above 1: together they are the share of requests chaos breaks, at most all of them',
    path: ['errorRate'],
  });
export type Chaos = z.output<typeof chaosSchema>;
export type ChaosInput = z.input<typeof chaosSchema>;

/** A mock's or project's chaos setting: null (or absent) is off. */
export const chaosSettingSchema = chaosSchema.nullable();

/** True when the setting can change a request at all (a setting with nothing in it costs nothing). */
export const chaosDoesSomething = (c: Chaos | null): c is Chaos =>
  c !== null && (c.latency !== null || c.errorRate > 0 || c.faultRate > 0);

/**
 * The kill switch (`chaos.setEnabled`, `PUT /chaos`): off, no mock or project injects
 * anything; every setting is kept. `persist: false` keeps it to this run of the server.
 */
export const chaosSwitchSchema = z
  .object({
    enabled: z.boolean({ message: 'enabled must be true (chaos on) or false (every chaos setting off)' }),
    // false: for this run only (`mockdeck serve --no-chaos`); the saved switch stays.
    persist: z.boolean({ message: 'persist must be true (save the switch) or false (this run only)' }).default(true),
  })
  .strict();

/** What chaos did to one request, as its log row keeps it. */
export const chaosAppliedSchema = z.object({
  /** The latency drawn, in ms (absent when the setting has no latency). */
  latencyMs: z.number().optional(),
  /** The injected error's status (absent when none was injected). */
  errorStatus: z.number().int().optional(),
  fault: z.enum(FAULT_KINDS).optional(),
  /** Whose setting applied. */
  source: z.enum(['mock', 'project']),
});
export type ChaosApplied = z.infer<typeof chaosAppliedSchema>;

/* ---- Sampling: pure, shared by the engine and the renderer's histogram ---- */

// Φ⁻¹(0.99): a lognormal's p99 is exp(μ + Z99·σ).
const Z99 = 2.3263478740408408;

/** A standard normal draw (Box–Muller) from two uniform draws of `random`. */
function standardNormal(random: () => number): number {
  const u1 = 1 - random(); // (0, 1]: log(0) is never taken
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** One latency in whole ms drawn from `l`, clamped to [0, MAX_DELAY_MS]. */
export function sampleLatency(l: Latency, random: () => number): number {
  let v: number;
  switch (l.kind) {
    case 'fixed':
      v = l.ms;
      break;
    case 'uniform':
      v = l.min + (l.max - l.min) * random();
      break;
    case 'normal':
      v = l.mean + l.stddev * standardNormal(random);
      break;
    case 'lognormal': {
      const mu = Math.log(l.median);
      const sigma = (Math.log(l.p99) - mu) / Z99;
      v = Math.exp(mu + sigma * standardNormal(random));
      break;
    }
  }
  return Math.min(MAX_DELAY_MS, Math.max(0, Math.round(v)));
}

/**
 * A seeded pseudo-random source in [0, 1) (mulberry32): the same seed gives the same draws,
 * so tests and `mockdeck serve --chaos-seed` reproduce a run. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One line for people: "normal 200±50 ms, 10% 503, 5% connection_reset". */
export function describeChaos(c: Chaos): string {
  const parts: string[] = [];
  if (c.latency) parts.push(describeLatency(c.latency));
  if (c.errorRate > 0) parts.push(`${pct(c.errorRate)} ${c.errorStatus}`);
  if (c.faultRate > 0 && c.fault) parts.push(`${pct(c.faultRate)} ${c.fault}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

export function describeLatency(l: Latency): string {
  switch (l.kind) {
    case 'fixed':
      return `${l.ms} ms`;
    case 'uniform':
      return `${l.min}–${l.max} ms`;
    case 'normal':
      return `normal ${l.mean}±${l.stddev} ms`;
    case 'lognormal':
      return `lognormal median ${l.median}, p99 ${l.p99} ms`;
  }
}

/** What chaos did to a logged request, for people: "injected 503 · +120 ms". */
export function describeChaosApplied(a: ChaosApplied): string {
  const parts: string[] = [];
  if (a.fault) parts.push(`fault: ${a.fault}`);
  if (a.errorStatus !== undefined) parts.push(`injected ${a.errorStatus}`);
  if (a.latencyMs !== undefined) parts.push(`+${a.latencyMs} ms latency`);
  return `${parts.join(' · ') || 'nothing drawn'} (${a.source}'s chaos)`;
}

/** The short tag a log row shows: the fault, the injected status, or the latency. */
export function chaosTag(a: ChaosApplied): string {
  if (a.fault) return a.fault.replaceAll('_', ' ');
  if (a.errorStatus !== undefined) return `injected ${a.errorStatus}`;
  return `+${a.latencyMs ?? 0} ms`;
}

const pct = (r: number): string => `${Math.round(r * 1000) / 10}%`;
