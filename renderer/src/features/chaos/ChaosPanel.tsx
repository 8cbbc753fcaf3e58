import { useState } from 'react';
import { FAULT_KINDS, LATENCY_KINDS, type Chaos, type FaultKind, type LatencyKind } from '../../../../shared/models';
import { useFormSave } from '../../app/use-form-save';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import {
  FAULT_LABELS,
  FAULT_NOUNS,
  formOf,
  LATENCY_LABELS,
  LATENCY_PARAMS,
  latencyOf,
  parseForm,
  type ChaosField,
  type ChaosForm,
} from './chaos-form';
import { LatencyHistogram } from './LatencyHistogram';
import './chaos.css';

interface Props {
  /** "mock" or "project": whose setting this is. */
  scope: 'mock' | 'project';
  value: Chaos | null;
  /** Saves the setting (null: off); rejects with the app's error. */
  save: (next: Chaos | null) => Promise<void>;
  /** A sentence under the title: what applies when this one is off. */
  note: string;
  /** The kill switch is off: settings are kept but do nothing. */
  killed: boolean;
}

/** Latency distribution with its histogram, error rate and status, fault and rate, for a mock or a project. */
export function ChaosPanel({ scope, value, save, note, killed }: Props) {
  const [form, setForm] = useState<ChaosForm>(() => formOf(value));
  const [enabled, setEnabled] = useState(value !== null);
  const parsed = parseForm(form);
  const dirty = enabled !== (value !== null) || (enabled && (!parsed.ok || !same(parsed.value, value)));
  // "mock-chaos" is guarded like the mock editor (leaving the mock asks first); "project-chaos" on leaving the project.
  const f = useFormSave(`${scope}-chaos`, dirty);
  const fieldError = (field: ChaosField) => (f.attempted && !parsed.ok ? parsed.errors[field] : undefined);
  const update = (p: Partial<ChaosForm>) => setForm((prev) => ({ ...prev, ...p }));

  const submit = () =>
    f.save(enabled && !parsed.ok, async () => {
      await save(enabled && parsed.ok ? parsed.value : null);
      f.saved();
    });

  const params = form.latencyKind === 'none' ? undefined : LATENCY_PARAMS[form.latencyKind];
  const errorPct = Number(form.errorPct) || 0;
  const faultPct = form.fault ? Number(form.faultPct) || 0 : 0;

  return (
    <form
      className="chaos-panel"
      aria-label={`Chaos of this ${scope}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="chaos-head">
        <label className="chaos-enable">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Chaos for this{' '}
          {scope}
        </label>
        {killed && value !== null && <span className="chaos-killed">Kill switch is off: this setting waits</span>}
        <button type="submit" className="btn btn-small btn-primary" disabled={f.saving || !dirty}>
          Save chaos
        </button>
      </div>
      <p className="muted chaos-note">{note}</p>
      <ErrorNotice error={f.serverError} onDismiss={f.clearError} />
      {enabled && (
        <div className="chaos-body">
          <div className="chaos-latency">
            <div className="chaos-row">
              <Field label="Latency">
                {(ids) => (
                  <select
                    {...ids}
                    value={form.latencyKind}
                    onChange={(e) => update({ latencyKind: e.target.value as LatencyKind | 'none' })}
                  >
                    {(['none', ...LATENCY_KINDS] as const).map((k) => (
                      <option key={k} value={k}>
                        {LATENCY_LABELS[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {params && (
                <Field label={params.a[1]} error={fieldError('a')}>
                  {(ids) => (
                    <input
                      {...ids}
                      inputMode="numeric"
                      value={form.a}
                      onChange={(e) => update({ a: e.target.value })}
                    />
                  )}
                </Field>
              )}
              {params?.b && (
                <Field label={params.b[1]} error={fieldError('b')}>
                  {(ids) => (
                    <input
                      {...ids}
                      inputMode="numeric"
                      value={form.b}
                      onChange={(e) => update({ b: e.target.value })}
                    />
                  )}
                </Field>
              )}
            </div>
            <LatencyHistogram latency={latencyOf(form)} />
          </div>
          <div className="chaos-row">
            <Field label="Error rate (%)" error={fieldError('errorPct')}>
              {(ids) => (
                <input
                  {...ids}
                  inputMode="decimal"
                  value={form.errorPct}
                  onChange={(e) => update({ errorPct: e.target.value })}
                />
              )}
            </Field>
            <Field label="Error status" error={fieldError('errorStatus')}>
              {(ids) => (
                <input
                  {...ids}
                  inputMode="numeric"
                  value={form.errorStatus}
                  onChange={(e) => update({ errorStatus: e.target.value })}
                />
              )}
            </Field>
            <Field label="Fault" error={fieldError('fault')}>
              {(ids) => (
                <select
                  {...ids}
                  value={form.fault}
                  onChange={(e) => update({ fault: e.target.value as FaultKind | '' })}
                >
                  <option value="">No network fault</option>
                  {FAULT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {FAULT_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Fault rate (%)" error={fieldError('faultPct')}>
              {(ids) => (
                <input
                  {...ids}
                  inputMode="decimal"
                  value={form.faultPct}
                  disabled={form.fault === ''}
                  onChange={(e) => update({ faultPct: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field
            label="Error body"
            error={fieldError('errorBody')}
            help="Empty: a JSON error that names the injection."
          >
            {(ids) => (
              <textarea
                {...ids}
                rows={2}
                className="mono"
                value={form.errorBody}
                placeholder='{"error":"service unavailable"}'
                onChange={(e) => update({ errorBody: e.target.value })}
              />
            )}
          </Field>
          <RateBar errorPct={errorPct} faultPct={faultPct} status={form.errorStatus} fault={form.fault} />
        </div>
      )}
    </form>
  );
}

/** Of 100 requests: how many fault, how many error, how many get the mock's answer. */
function RateBar({
  errorPct,
  faultPct,
  status,
  fault,
}: {
  errorPct: number;
  faultPct: number;
  status: string;
  fault: string;
}) {
  const ok = Math.max(0, 100 - errorPct - faultPct);
  return (
    <div className="chaos-rates" data-testid="chaos-rates">
      <div className="chaos-ratebar" aria-hidden="true">
        <span className="seg seg-fault" style={{ width: `${Math.min(100, faultPct)}%` }} />
        <span className="seg seg-error" style={{ width: `${Math.min(100, errorPct)}%` }} />
        <span className="seg seg-ok" style={{ width: `${ok}%` }} />
      </div>
      <span className="muted">
        Of 100 requests: {round(faultPct)} {fault ? FAULT_NOUNS[fault as FaultKind] : 'faults'}, {round(errorPct)}{' '}
        answer {status || '…'}, {round(ok)} get the mock’s answer.
      </span>
    </div>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
const same = (a: Chaos, b: Chaos | null) => JSON.stringify(a) === JSON.stringify(b);
