import { useState } from 'react';
import type { DeploymentLogView, DeploymentMetricsView, DeploymentView } from '../../../../../shared/ipc/cloud';
import { call } from '../../../app/api';
import { invalidate, useQuery } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { formatCount, formatPercent } from '../format';
import { StatusChart } from './StatusChart';

type Level = '' | 'info' | 'warn' | 'error';

/** Metrics and logs of one deployment. */
export function DeploymentDetail({ deployment: d }: { deployment: DeploymentView }) {
  const [level, setLevel] = useState<Level>('');
  const metrics = useQuery<DeploymentMetricsView>(qk.cloud.metrics(d.id), () =>
    call('deployments.metrics', { id: d.id }),
  );
  const logs = useQuery<DeploymentLogView[]>(qk.cloud.logs(d.id, level), () =>
    call('deployments.logs', { id: d.id, limit: 100, ...(level ? { level } : {}) }),
  );
  const m = metrics.data;
  return (
    <section className="deployment-detail" aria-label={`Deployment ${d.name}`}>
      <div className="cloud-screen-head">
        <h3>
          {d.name} <span className="muted small">/{d.slug}</span>
        </h3>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => invalidate(qk.cloud.metrics(d.id), qk.cloud.logsOf(d.id))}
        >
          Refresh metrics and logs
        </button>
      </div>
      <CloudErrorNotice error={metrics.error} />
      {m && (
        <div className="metrics">
          <div className="stat-cards">
            <Stat label="Requests" value={formatCount(m.requestsTotal)} testId="metric-requests" />
            <Stat label="Per minute" value={m.requestsPerMinute.toFixed(m.requestsPerMinute < 10 ? 2 : 0)} />
            <Stat label="Avg latency" value={`${m.averageResponseTimeMs.toFixed(1)} ms`} />
            <Stat label="Error rate" value={formatPercent(m.errorRate)} tone={m.errorRate > 0 ? 'warn' : undefined} />
          </div>
          <h4>Status codes</h4>
          <StatusChart codes={m.statusCodes} />
        </div>
      )}
      {!m && !metrics.error && <div className="loading">Loading metrics…</div>}
      <div className="logs-head">
        <h4>Logs</h4>
        <label className="inline-label">
          Level
          <select aria-label="Log level" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            <option value="">All levels</option>
            <option value="info">Info</option>
            <option value="warn">Warnings</option>
            <option value="error">Errors</option>
          </select>
        </label>
      </div>
      <CloudErrorNotice error={logs.error} />
      {logs.data && logs.data.length === 0 && (
        <p className="muted">
          {level ? `No ${level} entries.` : 'No log entries yet: requests to the URL above are logged here.'}
        </p>
      )}
      {logs.data && logs.data.length > 0 && (
        <ol className="deploy-logs" aria-label="Deployment logs">
          {logs.data.map((l) => (
            <li key={l.id} className={`log-${l.level}`}>
              <span className="muted mono">{new Date(l.createdAt).toLocaleTimeString()}</span>{' '}
              <span className={`badge level-${l.level}`}>{l.level}</span> <span className="mono">{l.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Stat({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: string;
  testId?: string;
  tone?: 'warn' | undefined;
}) {
  return (
    <div className="stat-card">
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${tone === 'warn' ? 'text-warn' : ''}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
