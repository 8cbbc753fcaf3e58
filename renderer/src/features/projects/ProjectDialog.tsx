import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { Project } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import {
  emptyProjectForm,
  portConflict,
  projectFormToPayload,
  projectToForm,
  slugPreview,
  validateProjectForm,
  type ProjectForm,
} from './project-form';
import { useProject, useServerState } from './project-queries';

/** Create and edit (rename, describe, slug, dedicated port) share one form. */
export function ProjectDialog() {
  const { dialog, setProjectDialog, navigate, notify } = useAppStore(
    useShallow((s) => ({
      dialog: s.projectDialog,
      setProjectDialog: s.setProjectDialog,
      navigate: s.navigate,
      notify: s.notify,
    })),
  );
  const close = () => setProjectDialog(null);
  const editing = dialog?.mode === 'edit' ? dialog.projectId : null;
  const { data: project } = useProject(editing);
  if (!dialog) return null;
  if (editing && !project) return null;
  return (
    <ProjectFormDialog
      key={editing ?? 'new'}
      project={project ?? null}
      onClose={close}
      onSaved={(p, created) => {
        close();
        notify({ kind: 'info', message: created ? `Project "${p.name}" created` : `Project "${p.name}" saved` });
        if (created) navigate({ projectId: p.id, view: 'mocks' });
      }}
    />
  );
}

function ProjectFormDialog({
  project,
  onClose,
  onSaved,
}: {
  project: Project | null;
  onClose: () => void;
  onSaved: (p: Project, created: boolean) => void;
}) {
  const [form, setForm] = useState<ProjectForm>(() => (project ? projectToForm(project) : emptyProjectForm()));
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useAppStore((s) => s.notify);
  const { data: server } = useServerState();
  const conflict = portConflict(form.port, server, project?.id ?? null);
  const errors = { ...validateProjectForm(form), ...(conflict ? { port: conflict } : {}) };
  const shown = touched ? errors : {};
  const fieldError = (f: keyof ProjectForm) => shown[f] ?? (serverError?.field === f ? serverError.message : undefined);
  const set = (p: Partial<ProjectForm>) => setForm((f) => ({ ...f, ...p }));

  const save = async () => {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setServerError(null);
    try {
      const payload = projectFormToPayload(form);
      const saved = project
        ? await call('projects.update', { id: project.id, patch: payload })
        : await call('projects.create', payload);
      invalidate(qk.projects.lists, qk.projects.detail(saved.id), qk.server);
      // The core opens the port as it saves: one another program holds shows beside the field.
      const portError =
        saved.port == null
          ? null
          : ((await call('server.status', undefined)).projectPorts.find((p) => p.projectId === saved.id)?.error ??
            null);
      if (portError && project) {
        setServerError({ ...portError, field: 'port' });
        return;
      }
      onSaved(saved, !project);
      if (portError) {
        notify({
          kind: 'error',
          message: `Project saved, but port ${saved.port} cannot be opened: ${portError.message}`,
          hint: 'Edit the project and choose another port.',
        });
      }
    } catch (e) {
      setServerError(e as AppErrorShape); // the form stays as typed
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={project ? `Edit project` : 'New project'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="project-form" className="btn btn-primary" disabled={busy}>
            {project ? 'Save project' : 'Create project'}
          </button>
        </>
      }
    >
      <form
        id="project-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <ErrorNotice error={serverError && !serverError.field ? serverError : null} />
        <Field label="Project name" error={fieldError('name')}>
          {(ids) => (
            <input
              {...ids}
              value={form.name}
              placeholder="Payments API"
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field label="Description" error={fieldError('description')}>
          {(ids) => (
            <textarea
              {...ids}
              rows={2}
              value={form.description}
              placeholder="What this API mocks, for whom"
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Slug"
          error={fieldError('slug')}
          help={
            <>
              URL segment: /m/<code>{slugPreview(form)}</code>
            </>
          }
        >
          {(ids) => (
            <input
              {...ids}
              value={form.slug}
              placeholder={slugPreview(form)}
              onChange={(e) => set({ slug: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Dedicated port (optional)"
          error={fieldError('port')}
          help="Serve this project at the root of its own port, e.g. http://127.0.0.1:4000"
        >
          {(ids) => (
            <input
              {...ids}
              inputMode="numeric"
              value={form.port}
              placeholder="none"
              onChange={(e) => set({ port: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Templating seed (optional)"
          error={fieldError('templatingSeed')}
          help="Same seed, same fake data: {{faker …}} and the random helpers repeat their values run after run"
        >
          {(ids) => (
            <input
              {...ids}
              inputMode="numeric"
              value={form.templatingSeed}
              placeholder="random"
              onChange={(e) => set({ templatingSeed: e.target.value })}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
