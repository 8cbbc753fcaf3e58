import { useId, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { Project, ProjectUpdate, ProxyMode, RecordingStatus } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { MethodBadge } from '../../ui/MethodBadge';
import { proxyFormToPatch, proxyToForm, validateProxyForm, type ProxyForm } from './proxy-form';

const MODES: { mode: ProxyMode; label: string; help: string }[] = [
  { mode: 'off', label: 'Off', help: 'Requests no mock matches answer 404 MOCK_NOT_FOUND.' },
  { mode: 'passthrough', label: 'Passthrough', help: 'Requests no mock matches go to the upstream.' },
  {
    mode: 'record',
    label: 'Record',
    help: 'Passthrough, and each new method + path the upstream answers becomes a mock.',
  },
];

/**
 * The project's proxy settings (docs/proxy.md): the upstream, the mode, and recording with a
 * live count of the mocks it made (refetched on catalog changes, which each recording is).
 */
export function ProxyView({ project }: { project: Project }) {
  const notify = useAppStore((s) => s.notify);
  const uid = useId();
  const [form, setForm] = useState<ProxyForm>(() => proxyToForm(project));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const errors = validateProxyForm(form);
  const shown = touched ? errors : {};
  const fieldError = (f: keyof ProxyForm) => shown[f] ?? (serverError?.field === f ? serverError.message : undefined);
  const set = (p: Partial<ProxyForm>) => setForm((f) => ({ ...f, ...p }));
  const recording = project.proxyMode === 'record';

  const save = async (next: ProxyForm, message: string) => {
    setTouched(true);
    if (Object.keys(validateProxyForm(next)).length > 0) return;
    setBusy(true);
    setServerError(null);
    try {
      const patch: ProjectUpdate = proxyFormToPatch(next);
      await call('projects.update', { id: project.id, patch });
      setForm(next);
      invalidate(qk.projects.detail(project.id), qk.projects.lists);
      notify({ kind: 'info', message });
    } catch (e) {
      setServerError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="proxy-view">
      <form
        className="proxy-form"
        aria-label="Proxy settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(form, 'Proxy settings saved');
        }}
      >
        <ErrorNotice error={serverError && !serverError.field ? serverError : null} />
        <Field
          label="Upstream URL"
          error={fieldError('upstreamUrl')}
          help="The real server requests no mock matches go to, e.g. https://api.example.com (a base path is kept)."
        >
          {(ids) => (
            <input
              {...ids}
              value={form.upstreamUrl}
              placeholder="https://api.example.com"
              spellCheck={false}
              onChange={(e) => set({ upstreamUrl: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="proxy-modes">
          <legend>Unmatched requests</legend>
          {MODES.map((m) => (
            <label key={m.mode} className="proxy-mode">
              <input
                type="radio"
                name="proxy-mode"
                value={m.mode}
                aria-label={m.label}
                aria-describedby={`${uid}-${m.mode}`}
                checked={form.proxyMode === m.mode}
                onChange={() => set({ proxyMode: m.mode })}
              />
              <span>
                <strong>{m.label}</strong>{' '}
                <span className="muted" id={`${uid}-${m.mode}`}>
                  {m.help}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field field-check">
          <label>
            <input
              type="checkbox"
              checked={form.recordGeneralizeIds}
              onChange={(e) => set({ recordGeneralizeIds: e.target.checked })}
            />{' '}
            Record numeric and UUID path segments as <code>{'{id}'}</code>
          </label>
        </div>
        <div className="proxy-timeouts">
          <Field label="Connect timeout (ms)" error={fieldError('proxyConnectTimeoutMs')}>
            {(ids) => (
              <input
                {...ids}
                inputMode="numeric"
                value={form.proxyConnectTimeoutMs}
                onChange={(e) => set({ proxyConnectTimeoutMs: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Response timeout (ms)"
            error={fieldError('proxyResponseTimeoutMs')}
            help="Past it the client gets a 504."
          >
            {(ids) => (
              <input
                {...ids}
                inputMode="numeric"
                value={form.proxyResponseTimeoutMs}
                onChange={(e) => set({ proxyResponseTimeoutMs: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="toolbar">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save proxy settings
          </button>
          {recording ? (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void save({ ...form, proxyMode: 'passthrough' }, 'Recording stopped: passthrough')}
            >
              Stop recording
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-record"
              disabled={busy}
              onClick={() => void save({ ...form, proxyMode: 'record' }, 'Recording')}
            >
              <span className="record-dot" aria-hidden="true" /> Record
            </button>
          )}
        </div>
      </form>
      <RecordingPanel projectId={project.id} recording={recording} />
    </div>
  );
}

function RecordingPanel({ projectId, recording }: { projectId: string; recording: boolean }) {
  const { data, error } = useQuery<RecordingStatus>(qk.recording(projectId), () =>
    call('proxy.recording', { projectId }),
  );
  if (error) return <ErrorNotice error={error} />;
  const recent = data?.recent ?? [];
  return (
    <section className="recording" aria-label="Recording">
      <div className="recording-head">
        {recording && <span className="recording-live">● Recording</span>}
        <span>
          <strong data-testid="recorded-count">{data?.recorded ?? 0}</strong> {data?.recorded === 1 ? 'mock' : 'mocks'}{' '}
          recorded
          {data && data.skipped > 0 && <span className="muted"> · {data.skipped} not recorded (see the app log)</span>}
        </span>
      </div>
      {recent.length === 0 ? (
        <p className="muted">
          {recording
            ? 'Call this project’s URL: each new method + path the upstream answers appears here.'
            : 'Nothing recorded since MockDeck started. Press Record, then call this project’s URL.'}
        </p>
      ) : (
        <ul className="recorded-list" aria-label="Recorded mocks">
          {[...recent].reverse().map((r) => (
            <li key={r.mockId}>
              <MethodBadge method={r.method} />
              <code>{r.path}</code>
              <span className="muted">{r.status}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
