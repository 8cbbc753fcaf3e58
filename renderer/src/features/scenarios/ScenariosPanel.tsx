import { useState } from 'react';
import type { ScenarioState } from '../../../../shared/models';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { invalidate, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** The project's scenarios (WireMock's model), live: each one's state, with reset. States live in memory only. */
export function useScenarios(projectId: string) {
  const query = useQuery<ScenarioState[]>(qk.scenarios(projectId), () => call('scenarios.list', { projectId }));
  const [error, setError] = useState<AppErrorShape | null>(null);
  const reset = async (name?: string) => {
    try {
      await call('scenarios.reset', name === undefined ? { projectId } : { projectId, name });
      setError(null);
      invalidate(qk.scenarios(projectId));
    } catch (e) {
      setError(e as AppErrorShape);
    }
  };
  return { ...query, actionError: error, clearActionError: () => setError(null), reset };
}

export function ScenariosPanel({ projectId }: { projectId: string }) {
  const { data, error, actionError, clearActionError, reset } = useScenarios(projectId);
  if (error) return <ErrorNotice error={error} />;
  if (!data || data.length === 0) return null;
  return (
    <section className="scenarios-panel" aria-label="Scenarios">
      <div className="scenarios-head">
        <h2>Scenarios</h2>
        <span className="muted small">In memory: a restart puts every scenario back in Started.</span>
        <button type="button" className="btn btn-small" onClick={() => void reset()}>
          Reset all
        </button>
      </div>
      <ErrorNotice error={actionError} onDismiss={clearActionError} />
      <table className="stats-table" aria-label="Scenario states">
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">State now</th>
            <th scope="col">States</th>
            <th scope="col" className="num">
              Responses
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {data.map((s) => (
            <tr key={s.name} data-testid={`scenario-${s.name}`}>
              <td className="mono">{s.name}</td>
              <td>
                <span className="pill pill-accent" data-testid={`scenario-state-${s.name}`}>
                  {s.state}
                </span>
              </td>
              <td className="muted small">{s.states.join(' → ')}</td>
              <td className="num">{s.responses}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Reset scenario ${s.name}`}
                  disabled={s.state === 'Started'}
                  onClick={() => void reset(s.name)}
                >
                  Reset
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
