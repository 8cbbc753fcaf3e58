import type { ProjectWithMocks } from '../../../../shared/ipc/contract';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PluginBindings } from './PluginBindings';
import { useInstalledPlugins } from './plugin-queries';
import './plugins.css';

/** The project's Plugins tab: what is installed, and which of it every mock of the project runs. */
export function ProjectPlugins({ project }: { project: ProjectWithMocks }) {
  const { data: installed, error } = useInstalledPlugins();
  const openMarket = useAppStore((s) => s.openMarket);
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
        {installed && installed.length === 0 && <p className="muted">None installed yet.</p>}
        {installed && installed.length > 0 && (
          <ul>
            {installed.map((p) => (
              <li key={p.name}>
                <code>{p.name}</code> {p.version} <span className="pill">{p.category}</span>{' '}
                <span className="muted">{p.description}</span>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="btn btn-small" onClick={() => openMarket('plugins', null)}>
          Find plugins in the marketplace
        </button>
      </section>
    </div>
  );
}
