import { useState } from 'react';
import type { ProjectWithMocks } from '../../../../shared/ipc/contract';
import type { InstalledPluginView } from '../../../../shared/ipc/plugins';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { ConfirmDialog } from '../../ui/Dialog';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PluginBindings } from './PluginBindings';
import { useInstalledPlugins } from './plugin-queries';
import './plugins.css';

/** The project's Plugins tab: what is installed, and which of it every mock of the project runs. */
export function ProjectPlugins({ project }: { project: ProjectWithMocks }) {
  const { data: installed, error } = useInstalledPlugins();
  const openMarket = useAppStore((s) => s.openMarket);
  const notify = useAppStore((s) => s.notify);
  const [uninstalling, setUninstalling] = useState<InstalledPluginView | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<AppErrorShape | null>(null);
  const uninstall = async (p: InstalledPluginView) => {
    setBusy(true);
    setRemoveError(null);
    try {
      await call('plugins.remove', { name: p.name });
      await invalidate(qk.plugins.all);
      notify({ kind: 'info', message: `Uninstalled ${p.name}` });
      setUninstalling(null);
    } catch (e) {
      setRemoveError(e as AppErrorShape);
      setUninstalling(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="project-plugins">
      <p className="muted">
        WebAssembly plugins change a response before it is sent (docs/plugins.md). The project’s plugins run for every
        mock, first; a mock’s own plugins (in its editor) run after them.
      </p>
      <PluginBindings projectId={project.id} mockId={null} label="Plugins this project runs" />
      <section className="plugin-installed" aria-label="Installed plugins">
        <h3>Installed plugins</h3>
        <ErrorNotice error={error} />
        <ErrorNotice error={removeError} onDismiss={() => setRemoveError(null)} />
        {installed && installed.length === 0 && <p className="muted">None installed yet.</p>}
        {installed && installed.length > 0 && (
          <ul>
            {installed.map((p) => (
              <li key={p.name} className="plugin-installed-row">
                <span>
                  <code>{p.name}</code> {p.version} <span className="pill">{p.category}</span>{' '}
                  <span className="muted">{p.description}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-small btn-danger-ghost"
                  aria-label={`Uninstall ${p.name}`}
                  disabled={busy}
                  onClick={() => setUninstalling(p)}
                >
                  Uninstall
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="btn btn-small" onClick={() => openMarket('plugins', null)}>
          Find plugins in the marketplace
        </button>
      </section>
      {uninstalling && (
        <ConfirmDialog
          title={`Uninstall ${uninstalling.name}?`}
          danger
          busy={busy}
          confirmLabel="Uninstall"
          message={
            <p>
              <code>{uninstalling.name}</code> {uninstalling.version} is removed from this computer.{' '}
              {uninstalling.runBy === 0
                ? 'No project or mock runs it.'
                : `${uninstalling.runBy} ${uninstalling.runBy === 1 ? 'project or mock runs' : 'projects and mocks run'} it: their requests answer PLUGIN_ERROR until you take it out of their plugins or install it again.`}
            </p>
          }
          onConfirm={() => void uninstall(uninstalling)}
          onCancel={() => setUninstalling(null)}
        />
      )}
    </div>
  );
}
