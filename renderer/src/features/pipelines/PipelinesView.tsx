import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import {
  PIPELINE_EVENT_TYPES,
  type Pipeline,
  type PipelineEventType,
  type PipelineExecution,
} from '../../../../shared/models/pipeline';
import { call } from '../../app/api';
import { invalidate, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import {
  applyForm,
  formOf,
  NEW_PIPELINE_YAML,
  readYaml,
  validateForm,
  yamlOf,
  type PipelineForm,
} from './pipeline-form';

/**
 * The project's pipelines (docs/pipelines.md): the list with enable/disable and run now, a
 * definition editor (form or YAML), and each pipeline's executions with their step logs.
 * Executions finishing elsewhere refresh it through `pipelines.executionFinished` (live-events).
 */
export function PipelinesView({ projectId }: { projectId: string }) {
  const { data, error } = useQuery<Pipeline[]>(qk.pipelines.list(projectId), () =>
    call('pipelines.list', { workspace_id: projectId, limit: 500 }),
  );
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <div className="loading">Loading pipelines…</div>;
  const current = data.find((p) => p.id === selected) ?? data[0] ?? null;
  return (
    <div className="pipelines-view">
      <section className="pipelines-list" aria-label="Pipelines">
        <div className="pipelines-toolbar">
          <h2>Pipelines</h2>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            New pipeline
          </button>
        </div>
        {data.length === 0 ? (
          <EmptyState title="No pipelines yet">
            A pipeline runs steps when something happens in this project: a webhook when a mock changes, an SDK when the
            spec is re-imported, a deploy when a scenario is published.
          </EmptyState>
        ) : (
          <ul className="pipeline-items">
            {data.map((p) => (
              <PipelineRow
                key={p.id}
                pipeline={p}
                projectId={projectId}
                active={current?.id === p.id}
                onSelect={() => setSelected(p.id)}
                onEdit={() => setEditing(p)}
              />
            ))}
          </ul>
        )}
      </section>
      {editing ? (
        <PipelineEditor
          key={editing === 'new' ? 'new' : editing.id}
          projectId={projectId}
          pipeline={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setSelected(saved.id);
          }}
        />
      ) : (
        current && <Executions pipeline={current} />
      )}
    </div>
  );
}

function PipelineRow(props: {
  pipeline: Pipeline;
  projectId: string;
  active: boolean;
  onSelect(): void;
  onEdit(): void;
}) {
  const { pipeline: p, projectId } = props;
  const notify = useAppStore((s) => s.notify);
  const [err, setErr] = useState<AppErrorShape | null>(null);
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setErr(null);
    try {
      await fn();
      invalidate(qk.pipelines.list(projectId), qk.pipelines.executions(p.id));
      notify({ kind: 'info', message });
    } catch (e) {
      setErr(e as AppErrorShape);
    }
  };
  const enabled = p.definition.enabled;
  return (
    <li className={`pipeline-item ${props.active ? 'active' : ''}`} data-testid="pipeline-item">
      <button type="button" className="pipeline-name linkish" onClick={props.onSelect}>
        {p.name}
      </button>
      <span className="muted">
        on {p.definition.triggers.map((t) => t.event).join(', ') || 'manual runs only'} · {p.definition.steps.length}{' '}
        {p.definition.steps.length === 1 ? 'step' : 'steps'}
      </span>
      <div className="pipeline-actions">
        <label className="toggle">
          <input
            type="checkbox"
            checked={enabled}
            onChange={() =>
              void act(
                () => call('pipelines.update', { id: p.id, patch: { enabled: !enabled } }),
                enabled ? `${p.name} disabled` : `${p.name} enabled`,
              )
            }
          />{' '}
          Enabled
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => {
            props.onSelect();
            void act(() => call('pipelines.trigger', { id: p.id }), `${p.name} started`);
          }}
        >
          Run now
        </button>
        <button type="button" className="btn" onClick={props.onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void act(() => call('pipelines.delete', { id: p.id }), `${p.name} deleted`)}
        >
          Delete
        </button>
      </div>
      <ErrorNotice error={err} onDismiss={() => setErr(null)} />
    </li>
  );
}

function PipelineEditor(props: { projectId: string; pipeline: Pipeline | null; onDone(saved: Pipeline | null): void }) {
  const notify = useAppStore((s) => s.notify);
  const [mode, setMode] = useState<'form' | 'yaml'>('form');
  const [yaml, setYaml] = useState(() => (props.pipeline ? yamlOf(props.pipeline) : NEW_PIPELINE_YAML));
  const read = readYaml(yaml);
  const [form, setForm] = useState<PipelineForm | null>(() => ('doc' in read ? formOf(read.doc) : null));
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const errors = form ? validateForm(form) : {};
  const shown = touched ? errors : {};
  const set = (p: Partial<PipelineForm>) => setForm((f) => (f ? { ...f, ...p } : f));

  const switchTo = (next: 'form' | 'yaml') => {
    if (next === mode) return;
    if (next === 'yaml' && form && 'doc' in read) setYaml(yamlOf(applyForm(read.doc, form)));
    if (next === 'form') {
      if (!('doc' in read))
        return setServerError({ code: 'VALIDATION_ERROR', message: read.error, hint: 'fix the YAML first' });
      setForm(formOf(read.doc));
    }
    setMode(next);
  };

  const save = async () => {
    setTouched(true);
    setServerError(null);
    let doc;
    if (mode === 'form') {
      if (!form || Object.keys(errors).length > 0 || !('doc' in read)) return;
      doc = applyForm(read.doc, form);
    } else {
      if (!('doc' in read)) return setServerError({ code: 'VALIDATION_ERROR', message: read.error });
      doc = read.doc;
    }
    try {
      const saved = props.pipeline
        ? await call('pipelines.update', {
            id: props.pipeline.id,
            patch: { name: doc.name, definition: doc.definition },
          })
        : await call('pipelines.create', { name: doc.name, definition: doc.definition, workspace_id: props.projectId });
      invalidate(qk.pipelines.list(props.projectId));
      notify({ kind: 'info', message: `Pipeline ${saved.name} saved` });
      props.onDone(saved);
    } catch (e) {
      setServerError(e as AppErrorShape);
    }
  };

  return (
    <form
      className="pipeline-editor"
      aria-label="Pipeline definition"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="pipelines-toolbar">
        <h2>{props.pipeline ? `Edit ${props.pipeline.name}` : 'New pipeline'}</h2>
        <div role="tablist" aria-label="Editor mode" className="tabs">
          {(['form', 'yaml'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={`tab ${mode === m ? 'active' : ''}`}
              onClick={() => switchTo(m)}
            >
              {m === 'form' ? 'Form' : 'YAML'}
            </button>
          ))}
        </div>
      </div>
      <ErrorNotice error={serverError} onDismiss={() => setServerError(null)} />
      {mode === 'form' && form ? (
        <>
          <Field label="Name" error={shown.name}>
            {(ids) => <input {...ids} value={form.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field label="Runs when" help="The event that starts it. More triggers and filters: YAML.">
            {(ids) => (
              <select {...ids} value={form.event} onChange={(e) => set({ event: e.target.value as PipelineEventType })}>
                {PIPELINE_EVENT_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Webhook URL"
            error={shown.webhookUrl}
            help="Receives a JSON POST with the message and the event."
          >
            {(ids) => (
              <input
                {...ids}
                value={form.webhookUrl}
                spellCheck={false}
                onChange={(e) => set({ webhookUrl: e.target.value })}
              />
            )}
          </Field>
          <Field label="Message" help="{{event.slug}}, {{event.workspace_id}} and other event fields are filled in.">
            {(ids) => <input {...ids} value={form.message} onChange={(e) => set({ message: e.target.value })} />}
          </Field>
          <Field
            label="Signing secret"
            help="Optional. Sent as X-Webhook-Signature (HMAC-SHA256 of the body); kept in the system keychain."
          >
            {(ids) => (
              <input
                {...ids}
                type="password"
                value={form.secret}
                autoComplete="off"
                placeholder="unchanged"
                onChange={(e) => set({ secret: e.target.value })}
              />
            )}
          </Field>
        </>
      ) : (
        <Field
          label="Definition (YAML)"
          error={'error' in read ? read.error : undefined}
          help="The format of mockops-api.md §Examples: name and definition (triggers, steps)."
        >
          {(ids) => (
            <textarea
              {...ids}
              className="pipeline-yaml"
              rows={22}
              spellCheck={false}
              value={yaml}
              onChange={(e) => setYaml(e.target.value)}
            />
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          Save pipeline
        </button>
        <button type="button" className="btn" onClick={() => props.onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : '—');

function Executions({ pipeline }: { pipeline: Pipeline }) {
  const { data, error } = useQuery<PipelineExecution[]>(qk.pipelines.executions(pipeline.id), () =>
    call('pipelines.executions', { pipeline_id: pipeline.id, limit: 20 }),
  );
  return (
    <section className="pipeline-executions" aria-label={`Executions of ${pipeline.name}`}>
      <h2>Executions of {pipeline.name}</h2>
      <ErrorNotice error={error ?? null} />
      {data && data.length === 0 && <p className="muted">No runs yet. Press Run now, or cause its event.</p>}
      <ol className="execution-items">
        {data?.map((e) => (
          <li key={e.id} className={`execution status-${e.status}`} data-testid="execution">
            <div className="execution-head">
              <span className={`status-pill status-${e.status}`} data-testid="execution-status">
                {e.status}
              </span>
              <span>{e.trigger_event.event_type}</span>
              <span className="muted">{when(e.started_at)}</span>
            </div>
            {e.error_message && <div className="field-error">{e.error_message}</div>}
            <table className="step-log" aria-label="Step log">
              <tbody>
                {e.execution_log.map((s, i) => (
                  <tr key={i}>
                    <td>{s.step_name}</td>
                    <td className="muted">{s.step_type}</td>
                    <td>
                      <span className={`status-pill status-${s.status}`}>{s.status.replace('_', ' ')}</span>
                    </td>
                    <td className="muted">
                      {when(s.started_at)} → {when(s.completed_at)}
                    </td>
                    <td className="step-detail">
                      {s.error_message ?? (s.output ? JSON.stringify(s.output).slice(0, 160) : '')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </section>
  );
}
