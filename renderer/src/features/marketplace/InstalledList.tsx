import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { KIND_LABELS, useMarketInstalled } from './market-queries';

/** What was installed from the marketplace, with a badge where a newer version exists. */
export function InstalledList() {
  const { openMarket, navigate, closeMarket } = useAppStore(
    useShallow((s) => ({ openMarket: s.openMarket, navigate: s.navigate, closeMarket: s.closeMarket })),
  );
  const { data, error, loading } = useMarketInstalled();
  return (
    <div className="cloud-screen">
      <ErrorNotice error={error} />
      {loading && !data && <div className="loading">Loading…</div>}
      {data && data.length === 0 && (
        <p className="muted">
          Nothing installed from the marketplace yet. Install a scenario, template or plugin from its tab.
        </p>
      )}
      {data && data.length > 0 && (
        <table className="market-installed">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Version</th>
              <th scope="col">Installed</th>
              <th scope="col">
                <span className="market-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((i) => (
              <tr key={`${i.kind}:${i.name}:${i.installedAt}`}>
                <td>
                  <button
                    type="button"
                    className="market-link"
                    onClick={() => openMarket(i.kind, { kind: i.kind, name: i.name })}
                  >
                    {i.name}
                  </button>
                </td>
                <td>{KIND_LABELS[i.kind].singular}</td>
                <td>
                  <code>{i.version}</code>{' '}
                  {i.update && (
                    <span className="pill pill-accent" title={`The marketplace has ${i.update}`}>
                      update available: {i.update}
                    </span>
                  )}
                </td>
                <td>{new Date(i.installedAt).toLocaleString()}</td>
                <td>
                  {i.projectId && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        closeMarket();
                        navigate({ projectId: i.projectId, view: 'mocks', mockId: null });
                      }}
                    >
                      Open project
                    </button>
                  )}
                  {i.kind !== 'plugins' && !i.projectId && <span className="muted">project deleted</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
