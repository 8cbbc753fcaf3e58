import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerState } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { REALITY_LEVEL_LABELS, REALITY_LEVELS, type Federation, type ProjectSummary } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { DependencyGraph } from './DependencyGraph';
import { BasePathMap, RouteTester } from './RouteTester';
import {
  emptyService,
  federationToForm,
  formToInput,
  previewServices,
  validateFederationForm,
  type FederationForm,
  type ServiceRow,
} from './federation-form';

const useFederations = () => useQuery<Federation[]>(qk.federations, () => call('federation.list', { limit: 100 }));
const useProjectList = () => useQuery<ProjectSummary[]>(qk.projects.list(''), () => call('projects.list', {}));
const useServer = () => useQuery<ServerState>(qk.server, () => call('server.status', {}));

/**
 * Federations (docs/federation.md): projects served together under /f/<name>/, each at a
 * base path and a reality level. The list on the left, the editor on the right with the
 * base-path map, the dependency graph and a route tester that follow the unsaved edit.
 */
export function FederationView() {
  const { federationId, openFederations } = useAppStore(
    useShallow((s) => ({ federationId: s.federationId, openFederations: s.openFederations })),
  );
  const { data: federations, error } = useFederations();
  const { data: projects } = useProjectList();
  if (error) return <ErrorNotice error={error} />;
  if (!federations) return <div className="loading">Loading federations…</div>;
  const selected =
    federationId === 'new' ? null : (federations.find((f) => f.id === federationId) ?? federations[0] ?? null);
  const editing = federationId === 'new' || selected !== null;
  return (
    <div className="federation-view">
      <nav className="federation-list" aria-label="Federations">
        <div className="federation-list-head">
          <h2>Federations</h2>
          <button type="button" className="btn btn-primary" onClick={() => openFederations('new')}>
            New federation
          </button>
        </div>
        {federations.length === 0 && <p className="muted">None yet.</p>}
        <ul>
          {federations.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className={`project-item ${selected?.id === f.id && federationId !== 'new' ? 'active' : ''}`}
                aria-current={selected?.id === f.id && federationId !== 'new' ? 'page' : undefined}
                onClick={() => openFederations(f.id)}
              >
                <span className="project-name">{f.name}</span>
                <span className="project-meta">
                  {f.services.length} service{f.services.length === 1 ? '' : 's'} · /f/{f.name}/
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {editing ? (
        <FederationEditor
          key={federationId === 'new' ? 'new' : (selected?.id ?? 'none')}
          federation={federationId === 'new' ? null : selected}
          projects={projects ?? []}
        />
      ) : (
        <EmptyState
          title="Compose projects into one API"
          action={
            <button type="button" className="btn btn-primary" onClick={() => openFederations('new')}>
              New federation
            </button>
          }
        >
          A federation serves several projects under one base URL, <code>/f/&lt;name&gt;/</code>: each at its base path,
          mocked, real (its upstream), blended or with chaos.
        </EmptyState>
      )}
    </div>
  );
}

function FederationEditor({ federation, projects }: { federation: Federation | null; projects: ProjectSummary[] }) {
  const notify = useAppStore((s) => s.notify);
  const openFederations = useAppStore((s) => s.openFederations);
  const { data: server } = useServer();
  const [form, setForm] = useState<FederationForm>(() => federationToForm(federation));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const uid = useId();
  // An edit makes the last save's error stale.
  const update = (next: FederationForm | ((f: FederationForm) => FederationForm)) => {
    setForm(next);
    setServerError(null);
  };
  const errors = validateFederationForm(form);
  const shown = touched ? errors : {};
  const errorOf = (field: string) => shown[field] ?? (serverError?.field === field ? serverError.message : undefined);
  const services = useMemo(() => previewServices(form), [form]);
  const dirty = JSON.stringify(form) !== JSON.stringify(federationToForm(federation));
  const projectName = (id: string) => projects.find((p) => p.id === id)?.name ?? `unknown project ${id}`;
  const setService = (i: number, patch: Partial<ServiceRow>) =>
    update((f) => ({ ...f, services: f.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const listErrors = Object.entries(shown).filter(
    ([k]) => /^services(\.\d+)?$/.test(k) || /^services\.\d+\.dependencies$/.test(k),
  );

  const save = async () => {
    setTouched(true);
    if (Object.keys(validateFederationForm(form)).length > 0) return;
    setBusy(true);
    try {
      const input = formToInput(form);
      const saved = federation
        ? await call('federation.update', { id: federation.id, patch: input })
        : await call('federation.create', input);
      invalidate(qk.federations);
      openFederations(saved.id);
      notify({ kind: 'info', message: `Federation "${saved.name}" saved: served at /f/${saved.name}/` });
    } catch (e) {
      setServerError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!federation) return;
    setBusy(true);
    try {
      await call('federation.delete', { id: federation.id });
      invalidate(qk.federations);
      openFederations(null);
      notify({ kind: 'info', message: `Federation "${federation.name}" deleted; its projects stay.` });
    } catch (e) {
      setServerError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="federation-editor" aria-label={federation ? `Federation ${federation.name}` : 'New federation'}>
      <form
        className="federation-form"
        aria-label="Federation definition"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="federation-head">
          <Field
            label="Name"
            error={errorOf('name')}
            help={
              <>
                Served at <code>/f/{form.name || '<name>'}/</code>
              </>
            }
          >
            {(ids) => (
              <input
                {...ids}
                value={form.name}
                placeholder="e-commerce-platform"
                onChange={(e) => update({ ...form, name: e.target.value })}
              />
            )}
          </Field>
          <Field label="Description" error={errorOf('description')}>
            {(ids) => (
              <input
                {...ids}
                value={form.description}
                onChange={(e) => update({ ...form, description: e.target.value })}
              />
            )}
          </Field>
        </div>
        <table className="federation-services" aria-label="Services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Project</th>
              <th scope="col">Base path</th>
              <th scope="col">Reality level</th>
              <th scope="col">Depends on</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.services.map((s, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Service ${i + 1} name`}
                    value={s.name}
                    placeholder="auth"
                    aria-invalid={Boolean(errorOf(`services.${i}.name`))}
                    onChange={(e) => setService(i, { name: e.target.value })}
                  />
                  <CellError text={errorOf(`services.${i}.name`)} />
                </td>
                <td>
                  <select
                    aria-label={`Service ${i + 1} project`}
                    value={s.workspace_id}
                    aria-invalid={Boolean(errorOf(`services.${i}.workspace_id`))}
                    onChange={(e) => setService(i, { workspace_id: e.target.value })}
                  >
                    <option value="">Choose a project…</option>
                    {projects.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                  <CellError text={errorOf(`services.${i}.workspace_id`)} />
                </td>
                <td>
                  <input
                    aria-label={`Service ${i + 1} base path`}
                    className="mono"
                    value={s.base_path}
                    aria-invalid={Boolean(errorOf(`services.${i}.base_path`))}
                    onChange={(e) => setService(i, { base_path: e.target.value })}
                  />
                  <CellError text={errorOf(`services.${i}.base_path`)} />
                </td>
                <td>
                  <select
                    aria-label={`Service ${i + 1} reality level`}
                    value={s.reality_level}
                    title={REALITY_LEVEL_LABELS[s.reality_level]}
                    onChange={(e) => setService(i, { reality_level: e.target.value as ServiceRow['reality_level'] })}
                  >
                    {REALITY_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Service ${i + 1} dependencies`}
                    value={s.dependencies}
                    placeholder="auth, payments"
                    onChange={(e) => setService(i, { dependencies: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`Remove service ${i + 1}`}
                    onClick={() => update({ ...form, services: form.services.filter((_, j) => j !== i) })}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {listErrors.map(([k, m]) => (
          <div key={k} className="field-error" role="alert">
            {m}
          </div>
        ))}
        {serverError && !serverError.field?.startsWith('services.') && serverError.field !== 'name' && (
          <ErrorNotice error={serverError} />
        )}
        {serverError?.field?.startsWith('services.') && !shown[serverError.field] && (
          <div className="field-error" role="alert">
            {serverError.message}
          </div>
        )}
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            onClick={() => update({ ...form, services: [...form.services, emptyService(projects[0]?.id)] })}
          >
            Add service
          </button>
          <span className="spacer" />
          {federation && (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove()}>
              Delete
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy || (!dirty && federation !== null)}>
            {federation ? 'Save federation' : 'Create federation'}
          </button>
        </div>
      </form>
      <div className="federation-panels" id={`${uid}-panels`}>
        <BasePathMap services={services} projectName={projectName} />
        <DependencyGraph services={services} />
        <RouteTester
          services={services}
          baseUrl={server?.url ? `${server.url}/f/${form.name || '<name>'}` : null}
          projectName={projectName}
        />
      </div>
    </section>
  );
}

function CellError({ text }: { text: string | undefined }) {
  return text ? (
    <div className="field-error" role="alert">
      {text}
    </div>
  ) : null;
}
