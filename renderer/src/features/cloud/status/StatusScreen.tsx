import type { ServiceStatusView } from '../../../../../shared/ipc/cloud-account';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useServiceStatus } from '../account/account-queries';
import { ago } from '../format';
import './status.css';

const VERDICT: Record<ServiceStatusView['verdict'], { title: string; tone: string }> = {
  operational: { title: 'All cloud services are operational', tone: 'ok' },
  degraded: { title: 'The cloud reports a problem', tone: 'warn' },
  down: { title: 'The cloud is failing', tone: 'danger' },
  unreachable: { title: 'MockDeck cannot reach the cloud', tone: 'danger' },
};

const toneOf = (status: string): string =>
  /^(ok|operational|healthy|up|pass)$/i.test(status) ? 'ok' : /degraded|partial|slow/i.test(status) ? 'warn' : 'danger';
const words = (s: string): string => (/^ok$/i.test(s) ? 'OK' : s.replace(/_/g, ' '));

/**
 * The cloud's own health (/health/detailed) and status page (/api/v1/status), asked without
 * signing in: "the cloud is down" and "my network is down" look alike from a failed call.
 */
export function StatusScreen() {
  const { data, error, loading, refetch } = useServiceStatus();
  const v = data ? VERDICT[data.verdict] : null;
  return (
    <div className="cloud-screen status-screen">
      <div className="cloud-screen-head">
        <div>
          <h2>Service status</h2>
          <p className="muted">
            {data ? (
              <>
                <code>{data.baseUrl}</code> · checked {ago(data.checkedAt)}
              </>
            ) : (
              'Asking the cloud…'
            )}
          </p>
        </div>
        <div className="cloud-screen-actions">
          <button type="button" className="btn btn-small" disabled={loading} onClick={refetch}>
            {loading ? 'Checking…' : 'Check again'}
          </button>
        </div>
      </div>
      <CloudErrorNotice error={error} />
      {data && v && (
        <>
          <div className={`status-verdict tone-border-${v.tone}`} role="status" data-verdict={data.verdict}>
            <strong>{v.title}</strong>
            <p>{data.summary}</p>
          </div>
          <div className="status-grid">
            <section className="cloud-card" aria-label="Services">
              <h3>
                Services{' '}
                {data.status && (
                  <span className={`badge status-pill tone-${toneOf(data.status.overall)}`}>
                    {words(data.status.overall)}
                  </span>
                )}
              </h3>
              {data.status ? (
                <ul className="status-list">
                  {data.status.services.map((s) => (
                    <li key={s.name}>
                      <span className={`status-dot dot-${toneOf(s.status)}`} aria-hidden="true" />
                      <span className="status-name">{s.name}</span>
                      <span className={`status-word tone-${toneOf(s.status)}`}>{words(s.status)}</span>
                      {s.message && <div className="muted small status-message">{s.message}</div>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Status page unavailable: {data.statusError}</p>
              )}
            </section>
            <section className="cloud-card" aria-label="Health checks">
              <h3>
                Health checks{' '}
                {data.health && (
                  <span className={`badge status-pill tone-${toneOf(data.health.status)}`}>
                    {words(data.health.status)}
                  </span>
                )}
              </h3>
              {data.health ? (
                <>
                  <ul className="status-list">
                    {data.health.checks.map((c) => (
                      <li key={c.name}>
                        <span className={`status-dot dot-${toneOf(c.status)}`} aria-hidden="true" />
                        <span className="status-name">{c.name}</span>
                        <span className={`status-word tone-${toneOf(c.status)}`}>{words(c.status)}</span>
                      </li>
                    ))}
                  </ul>
                  {data.health.version && <p className="muted small">Cloud version {data.health.version}</p>}
                </>
              ) : (
                <p className="muted">Health check unavailable: {data.healthError}</p>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
