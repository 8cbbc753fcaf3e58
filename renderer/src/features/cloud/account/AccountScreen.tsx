import type { CloudStatus } from '../../../../../shared/ipc/cloud';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useAccount, useDeployments } from '../cloud-queries';
import { SecretsModeNote } from '../auth/SecretsModeNote';
import { CloudUrlForm } from '../auth/CloudUrlForm';
import { formatBytes, formatCount } from '../format';
import { UsageBar } from './UsageBar';

export function AccountScreen({ status }: { status: CloudStatus }) {
  const { data: account, error, loading } = useAccount(true);
  const { data: deployments } = useDeployments(true);
  const hosted = deployments?.filter((d) => d.status !== 'stopped').length ?? 0;
  return (
    <div className="cloud-screen">
      <div className="account-grid">
        <section className="cloud-card" aria-label="Plan">
          <h2>Plan</h2>
          {!account && !error && <div className="loading">Loading plan…</div>}
          {account && (
            <dl className="facts">
              <dt>Organization</dt>
              <dd>{account.org ? `${account.org.name} (${account.org.slug})` : 'Personal'}</dd>
              <dt>Plan</dt>
              <dd>
                <strong className="plan-name" data-testid="account-plan">
                  {account.plan}
                </strong>{' '}
                <span className="muted">{account.status}</span>
              </dd>
              <dt>Renews</dt>
              <dd>{account.currentPeriodEnd ? new Date(account.currentPeriodEnd).toLocaleDateString() : '–'}</dd>
              <dt>Projects</dt>
              <dd>up to {formatCount(account.limits.maxProjects)} in the cloud</dd>
              <dt>Collaborators</dt>
              <dd>up to {formatCount(account.limits.maxCollaborators)}</dd>
            </dl>
          )}
        </section>
        <section className="cloud-card" aria-label="Usage">
          <h2>
            Usage this period{' '}
            {loading && account && (
              <span className="muted small" role="status">
                refreshing…
              </span>
            )}
          </h2>
          <CloudErrorNotice error={error} />
          {account && (
            <>
              <UsageBar
                label="Requests to hosted mocks"
                used={account.usage.requests}
                limit={account.usage.requestsLimit}
                show={formatCount}
                limitName="requests"
              />
              <UsageBar
                label="Storage"
                used={account.usage.storageBytes}
                limit={account.usage.storageLimitBytes}
                show={formatBytes}
                limitName="storage"
              />
              {account.limits.hostedMocks ? (
                <UsageBar
                  label="Hosted mocks (running deployments)"
                  used={hosted}
                  limit={account.limits.maxProjects}
                  show={formatCount}
                  limitName="max_projects"
                  help="One deployment per cloud project, so the project limit caps them."
                />
              ) : (
                <CloudErrorNotice
                  error={{
                    code: 'CLOUD_ERROR',
                    message: `Your plan's limit on hosted_mocks is reached: the ${account.plan} plan has none`,
                  }}
                />
              )}
              {account.usage.periodEnd && (
                <p className="muted small">
                  Counters reset on {new Date(account.usage.periodEnd).toLocaleDateString()}.
                </p>
              )}
            </>
          )}
        </section>
      </div>
      <section className="cloud-card" aria-label="Connection">
        <h2>Connection</h2>
        <CloudUrlForm current={status.baseUrl} signedIn />
        <SecretsModeNote mode={status.secrets} />
      </section>
    </div>
  );
}
