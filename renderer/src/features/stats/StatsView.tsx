import type { ProjectStats } from '../../../../shared/models';
import { call } from '../../app/api';
import { useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MethodBadge } from '../../ui/MethodBadge';
import { ScenariosPanel } from '../scenarios/ScenariosPanel';

export function formatWhen(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return new Date(iso).toLocaleString();
}

export function StatsView({ projectId }: { projectId: string }) {
  const { data, error } = useQuery<ProjectStats>(qk.stats(projectId), () => call('stats.project', { projectId }));
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <div className="loading">Loading stats…</div>;
  const busiest = Math.max(1, ...data.mocks.map((m) => m.totalRequests));
  return (
    <div className="stats-view">
      <div className="stat-cards">
        <div className="stat-card">
          <div className="stat-label">Requests</div>
          <div className="stat-value" data-testid="stats-total">
            {data.totalRequests.toLocaleString('en-US')}
          </div>
        </div>
        <div className="stat-card">
          <div className="stat-label">Last request</div>
          <div className="stat-value">{formatWhen(data.lastRequestAt)}</div>
        </div>
        <div className="stat-card">
          <div className="stat-label">Mocks hit</div>
          <div className="stat-value">
            {data.mocks.filter((m) => m.totalRequests > 0).length} / {data.mocks.length}
          </div>
        </div>
      </div>
      <ScenariosPanel projectId={projectId} />
      {data.mocks.length === 0 ? (
        <EmptyState title="No mocks to measure">
          Create a mock and call it; its request count, last hit and average time show here.
        </EmptyState>
      ) : (
        <table className="stats-table" aria-label="Requests per mock">
          <thead>
            <tr>
              <th scope="col">Mock</th>
              <th scope="col" className="num">
                Requests
              </th>
              <th scope="col">Last hit</th>
              <th scope="col" className="num">
                Avg time
              </th>
            </tr>
          </thead>
          <tbody>
            {data.mocks.map((m) => (
              <tr key={m.mockId}>
                <td>
                  <MethodBadge method={m.method} /> <code>{m.path}</code> <span className="muted">{m.name}</span>
                  {m.responses.length > 1 && m.totalRequests > 0 && (
                    <div className="stats-responses muted">
                      {m.responses
                        .map(
                          (r) =>
                            `${r.name || 'response'} (${r.statusCode}): ${r.totalRequests.toLocaleString('en-US')}`,
                        )
                        .join(' · ')}
                    </div>
                  )}
                  <div className="bar" style={{ width: `${(m.totalRequests / busiest) * 100}%` }} aria-hidden="true" />
                </td>
                <td className="num">{m.totalRequests.toLocaleString('en-US')}</td>
                <td>{formatWhen(m.lastRequestAt)}</td>
                <td className="num">{m.avgResponseTimeMs == null ? '–' : `${m.avgResponseTimeMs.toFixed(1)} ms`}</td>
              </tr>
            ))}
            <tr className="stats-unmatched" data-testid="stats-unmatched">
              <td>
                <span className="muted">No mock matched</span> <span className="muted">(404s, proxied requests)</span>
              </td>
              <td className="num">{data.unmatchedRequests.toLocaleString('en-US')}</td>
              <td />
              <td />
            </tr>
            {data.deletedMockRequests > 0 && (
              <tr>
                <td>
                  <span className="muted">Mocks since deleted</span>
                </td>
                <td className="num">{data.deletedMockRequests.toLocaleString('en-US')}</td>
                <td />
                <td />
              </tr>
            )}
          </tbody>
        </table>
      )}
      {data.statuses.length > 0 && (
        <table className="stats-table" aria-label="Requests per status">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Requests
              </th>
            </tr>
          </thead>
          <tbody>
            {data.statuses.map((s) => (
              <tr key={s.status}>
                <td>
                  <code>{s.status === 0 ? 'no answer (fault)' : s.status}</code>
                </td>
                <td className="num">{s.totalRequests.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
