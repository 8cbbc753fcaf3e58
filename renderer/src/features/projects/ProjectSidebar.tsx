import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useConflictCounts } from '../cloud/cloud-queries';
import { useProjects } from './project-queries';

export function ProjectSidebar() {
  const { projectId, navigate, setProjectDialog, setAiProjectDialog, setImportDialog, focusTick } = useAppStore(
    useShallow((s) => ({
      projectId: s.projectId,
      setAiProjectDialog: s.setAiProjectDialog,
      navigate: s.navigate,
      setProjectDialog: s.setProjectDialog,
      setImportDialog: s.setImportDialog,
      focusTick: s.searchFocusTick,
    })),
  );
  const openCreate = () => setProjectDialog({ mode: 'create' });
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const { data, error, loading } = useProjects(deferred);
  const searchRef = useRef<HTMLInputElement>(null);
  const conflicts = useConflictCounts();

  useEffect(() => {
    if (focusTick > 0) searchRef.current?.focus();
  }, [focusTick]);

  // Open the first project on launch so the window never starts on a blank pane.
  useEffect(() => {
    if (!projectId && !deferred && data && data[0]) navigate({ projectId: data[0].id });
  }, [projectId, deferred, data, navigate]);

  return (
    <nav className="sidebar" aria-label="Projects">
      <div className="sidebar-head">
        <span className="sidebar-title">Projects</span>
        <span className="sidebar-actions">
          <button
            type="button"
            className="btn btn-small"
            title="Import an OpenAPI, Mockoon, Postman, HAR or Markdown document"
            onClick={() => setImportDialog({ file: null })}
          >
            Import
          </button>
          <button
            type="button"
            className="btn btn-small"
            title="New project from a description (AI, your own key)"
            aria-label="AI: describe a new API"
            onClick={() => setAiProjectDialog(true)}
          >
            AI
          </button>
          <button type="button" className="btn btn-small btn-primary" onClick={openCreate}>
            New project
          </button>
        </span>
      </div>
      <input
        ref={searchRef}
        type="search"
        className="sidebar-search"
        aria-label="Search projects"
        placeholder="Search projects  ( / )"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ErrorNotice error={error} />
      {data && data.length === 0 && !loading && (
        <div className="sidebar-empty muted">
          {deferred ? (
            <>No project matches “{deferred}”.</>
          ) : (
            <>No projects yet. A project groups the mocks of one API under one base URL.</>
          )}
        </div>
      )}
      <ul className="project-list" role="list">
        {data?.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`project-item ${p.id === projectId ? 'active' : ''}`}
              aria-current={p.id === projectId ? 'page' : undefined}
              title={`${p.name}\n/${p.slug}`}
              onClick={() => navigate({ projectId: p.id })}
            >
              <span className="project-name">{p.name}</span>
              <span className="project-meta">
                /{p.slug} · {p.mockCount} {p.mockCount === 1 ? 'mock' : 'mocks'}
              </span>
              {(conflicts.get(p.id) ?? 0) > 0 && (
                <span className="project-conflict" data-testid="project-conflict">
                  ⚠ {conflicts.get(p.id)} sync {conflicts.get(p.id) === 1 ? 'conflict' : 'conflicts'}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
