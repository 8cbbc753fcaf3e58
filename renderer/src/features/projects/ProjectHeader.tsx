import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProjectWithMocks } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import type { View } from '../../app/slices/nav-slice';
import { CopyButton } from '../../ui/CopyButton';
import { DeployButton } from '../cloud/deployments/DeployButton';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { projectBaseUrl } from './project-url';
import { useServerState } from './project-queries';

const TABS: { view: View; label: string }[] = [
  { view: 'mocks', label: 'Mocks' },
  { view: 'buckets', label: 'Data buckets' },
  { view: 'logs', label: 'Request log' },
  { view: 'stats', label: 'Stats' },
  { view: 'chaos', label: 'Chaos' },
  { view: 'proxy', label: 'Proxy' },
  { view: 'pipelines', label: 'Pipelines' },
  { view: 'plugins', label: 'Plugins' },
];

export function ProjectHeader({ project }: { project: ProjectWithMocks }) {
  const { view, navigate, edit, notify, publish } = useAppStore(
    useShallow((s) => ({
      view: s.view,
      navigate: s.navigate,
      edit: s.setProjectDialog,
      notify: s.notify,
      publish: s.setPublishProject,
    })),
  );
  const { data: server } = useServerState();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const baseUrl = projectBaseUrl(project, server);

  const duplicate = async () => {
    try {
      const copy = await call('projects.duplicate', { id: project.id });
      invalidate(qk.projects.lists);
      notify({ kind: 'info', message: `Duplicated as "${copy.name}"` });
      navigate({ projectId: copy.id });
    } catch (e) {
      setError(e as AppErrorShape);
    }
  };
  const remove = async () => {
    try {
      await call('projects.delete', { id: project.id });
      setConfirming(false);
      invalidate(qk.projects.lists, qk.projects.detail(project.id), qk.mocks.list(project.id));
      notify({ kind: 'info', message: `Project "${project.name}" deleted` });
      useAppStore.setState({ dirty: {} });
      navigate({ projectId: null });
    } catch (e) {
      setConfirming(false);
      setError(e as AppErrorShape);
    }
  };

  return (
    <header className="project-header">
      <div className="project-title-row">
        <div className="project-title">
          <h1 title={project.name}>{project.name}</h1>
          {project.description && <p className="muted project-desc">{project.description}</p>}
        </div>
        <div className="toolbar">
          <DeployButton project={project} />
          <button type="button" className="btn btn-small" onClick={() => edit({ mode: 'edit', projectId: project.id })}>
            Edit project
          </button>
          <button type="button" className="btn btn-small" onClick={() => publish(project.id)}>
            Publish…
          </button>
          <button type="button" className="btn btn-small" onClick={() => void duplicate()}>
            Duplicate project
          </button>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setConfirming(true)}>
            Delete project
          </button>
        </div>
      </div>
      <div className="base-url">
        <span className="muted">Base URL</span>
        {/* Long URLs and slugs truncate; the title shows them whole and the buttons copy them. */}
        <code data-testid="project-base-url" className="truncate" title={baseUrl}>
          {baseUrl}
        </code>
        <CopyButton text={baseUrl} label="Copy base URL" />
        <span className="muted">slug</span>
        <code className="truncate" title={project.slug}>
          {project.slug}
        </code>
        <CopyButton text={project.slug} label="Copy slug" />
      </div>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      <div role="tablist" aria-label="Project views" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.view}
            type="button"
            role="tab"
            aria-selected={view === t.view}
            className={`tab ${view === t.view ? 'active' : ''}`}
            onClick={() => navigate({ view: t.view })}
          >
            {t.label}
          </button>
        ))}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Delete project?"
          danger
          confirmLabel="Delete project"
          message={
            <p>
              “{project.name}” and its {project.mocks.length} {project.mocks.length === 1 ? 'mock' : 'mocks'} and
              request logs will be deleted. Its URL stops answering. This cannot be undone.
            </p>
          }
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </header>
  );
}
