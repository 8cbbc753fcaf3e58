import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useInstalledPlugins, usePluginBindings } from './plugin-queries';

/**
 * The plugins a project (mockId null) or one mock runs, in order. Each change is saved at
 * once with plugins.setBindings; a refusal shows right here and the list keeps what was saved.
 */
export function PluginBindings({
  projectId,
  mockId,
  label,
}: {
  projectId: string;
  mockId: string | null;
  label: string;
}) {
  const { data: installed } = useInstalledPlugins();
  const { data: bound, error: loadError } = usePluginBindings(projectId, mockId);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [pick, setPick] = useState('');
  const list = bound?.plugins ?? [];
  const available = (installed ?? []).filter((p) => !list.includes(p.name));
  const known = new Set((installed ?? []).map((p) => p.name));

  const save = async (plugins: string[]) => {
    setBusy(true);
    setError(null);
    try {
      await call('plugins.setBindings', { projectId, mockId, plugins });
      // Busy until the list shows what was saved: a second click then starts from it.
      // The list counts what runs each plugin (what uninstalling would break).
      await invalidate(qk.plugins.bindings(projectId, mockId), qk.plugins.list);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...list];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    void save(next);
  };

  return (
    <section className="plugin-bindings" aria-label={label}>
      <h3>{label}</h3>
      <ErrorNotice error={loadError} />
      {list.length === 0 ? (
        <p className="muted">No plugins: responses are sent as the mock makes them.</p>
      ) : (
        <ol className="plugin-chain" aria-label="Run in this order">
          {list.map((name, i) => (
            <li key={name}>
              <span className="plugin-chain-name">
                <span className="muted">{i + 1}.</span>
                <code>{name}</code>
                {installed && !known.has(name) && (
                  <span
                    className="pill market-pill-yanked"
                    title="Requests answer PLUGIN_ERROR until it is removed here"
                  >
                    not installed
                  </span>
                )}
              </span>
              <span className="plugin-chain-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Run ${name} earlier`}
                  disabled={busy || i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Run ${name} later`}
                  disabled={busy || i === list.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger-ghost"
                  aria-label={`Stop running ${name}`}
                  disabled={busy}
                  onClick={() => void save(list.filter((n) => n !== name))}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="plugin-add">
        <select
          aria-label={`Plugin to add to ${label.toLowerCase()}`}
          value={pick}
          disabled={busy || available.length === 0}
          onChange={(e) => setPick(e.target.value)}
        >
          <option value="">{available.length === 0 ? 'No other plugin installed' : 'Choose a plugin…'}</option>
          {available.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} {p.version} ({p.category})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || !pick}
          onClick={() => {
            void save([...list, pick]);
            setPick('');
          }}
        >
          Add
        </button>
      </div>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
