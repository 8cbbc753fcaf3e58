import { chaosSchema, type Chaos, type FaultKind, type Latency, type LatencyKind } from '../../../../shared/models';

/**
 * The chaos panel's form: what the inputs hold (text, rates in percent as people read them)
 * and its mapping to and from the one chaos schema, whose messages it shows under the
 * fields. A latency's two parameters share inputs `a` and `b`, named per kind.
 */
export interface ChaosForm {
  latencyKind: LatencyKind | 'none';
  a: string;
  b: string;
  errorPct: string;
  errorStatus: string;
  errorBody: string;
  fault: FaultKind | '';
  faultPct: string;
}

export type ChaosField = keyof ChaosForm;

/** The inputs each latency kind shows, and its keys in the schema. */
export const LATENCY_PARAMS: Record<LatencyKind, { a: [string, string]; b?: [string, string] }> = {
  fixed: { a: ['ms', 'Latency (ms)'] },
  uniform: { a: ['min', 'Min (ms)'], b: ['max', 'Max (ms)'] },
  normal: { a: ['mean', 'Mean (ms)'], b: ['stddev', 'Std dev (ms)'] },
  lognormal: { a: ['median', 'Median (ms)'], b: ['p99', 'p99 (ms)'] },
};

export const LATENCY_LABELS: Record<LatencyKind | 'none', string> = {
  none: 'None',
  fixed: 'Fixed',
  uniform: 'Uniform',
  normal: 'Normal',
  lognormal: 'Log-normal',
};

export const FAULT_LABELS: Record<FaultKind, string> = {
  connection_reset: 'Connection reset (TCP RST)',
  empty_response: 'Empty response (close, no bytes)',
  malformed_chunk: 'Malformed chunk (broken body)',
  random_data_then_close: 'Random data, then close',
};

/** What the rate preview calls each fault ("5 connection resets"). */
export const FAULT_NOUNS: Record<FaultKind, string> = {
  connection_reset: 'connection resets',
  empty_response: 'empty responses',
  malformed_chunk: 'malformed chunks',
  random_data_then_close: 'garbage-then-close',
};

/** A starting point that shows something on the histogram. */
export const NEW_CHAOS_FORM: ChaosForm = {
  latencyKind: 'lognormal',
  a: '100',
  b: '800',
  errorPct: '0',
  errorStatus: '503',
  errorBody: '',
  fault: '',
  faultPct: '0',
};

const pct = (rate: number): string => String(Math.round(rate * 10_000) / 100);

export function formOf(c: Chaos | null): ChaosForm {
  if (!c) return NEW_CHAOS_FORM;
  const l = c.latency;
  const params = l ? LATENCY_PARAMS[l.kind] : undefined;
  const read = (key: string | undefined) => (l && key ? String((l as Record<string, unknown>)[key]) : '');
  return {
    latencyKind: l ? l.kind : 'none',
    a: read(params?.a[0]),
    b: read(params?.b?.[0]),
    errorPct: pct(c.errorRate),
    errorStatus: String(c.errorStatus),
    errorBody: c.errorBody,
    fault: c.fault ?? '',
    faultPct: pct(c.faultRate),
  };
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** The latency the form describes, or null (none, or not valid yet): what the histogram draws. */
export function latencyOf(f: ChaosForm): Latency | null {
  const r = parseForm(f);
  return r.ok ? r.value.latency : null;
}

export type ParsedForm = { ok: true; value: Chaos } | { ok: false; errors: Partial<Record<ChaosField, string>> };

/** The form as a chaos setting, or the schema's messages keyed by the form's fields. */
export function parseForm(f: ChaosForm): ParsedForm {
  const errors: Partial<Record<ChaosField, string>> = {};
  const rate = (field: 'errorPct' | 'faultPct', label: string): number => {
    const v = num(f[field]);
    if (!(v >= 0 && v <= 100)) errors[field] = `${label} must be a percentage from 0 to 100`;
    return v / 100;
  };
  const input = {
    latency: latencyInput(f),
    errorRate: rate('errorPct', 'Error rate'),
    errorStatus: num(f.errorStatus),
    errorBody: f.errorBody,
    fault: f.fault === '' ? null : f.fault,
    faultRate: rate('faultPct', 'Fault rate'),
  };
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = chaosSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String), f);
    errors[field] ??= inFormWords(issue.message);
  }
  return { ok: false, errors };
}

// The schema names fields as the API spells them; the panel says what its labels say.
const FORM_WORDS: [RegExp, string][] = [
  [/errorRate \+ faultRate is above 1/, 'Error rate + fault rate is above 100%'],
  [/\blatency\.(ms|kind)\b/g, 'Latency'],
  [/\blatency\.min\b/g, 'Min'],
  [/\blatency\.max\b/g, 'Max'],
  [/\blatency\.mean\b/g, 'Mean'],
  [/\blatency\.stddev\b/g, 'Std dev'],
  [/\blatency\.median\b/g, 'Median'],
  [/\blatency\.p99\b/g, 'p99'],
  [/\berrorStatus\b/g, 'Error status'],
  [/\berrorBody\b/g, 'Error body'],
  [/\bfaultRate\b/g, 'Fault rate'],
  [/^fault\b/, 'Fault'],
];
const inFormWords = (message: string): string => FORM_WORDS.reduce((m, [from, to]) => m.replace(from, to), message);

function latencyInput(f: ChaosForm): Record<string, unknown> | null {
  if (f.latencyKind === 'none') return null;
  const p = LATENCY_PARAMS[f.latencyKind];
  const l: Record<string, unknown> = { kind: f.latencyKind, [p.a[0]]: num(f.a) };
  if (p.b) l[p.b[0]] = num(f.b);
  return l;
}

function fieldOf(path: string[], f: ChaosForm): ChaosField {
  const [head, key] = path;
  if (head === 'latency') {
    const p = f.latencyKind === 'none' ? undefined : LATENCY_PARAMS[f.latencyKind];
    return p?.b && key === p.b[0] ? 'b' : 'a';
  }
  if (head === 'errorRate') return 'errorPct';
  if (head === 'faultRate') return 'faultPct';
  if (head === 'errorStatus' || head === 'errorBody' || head === 'fault') return head;
  return 'errorPct';
}
