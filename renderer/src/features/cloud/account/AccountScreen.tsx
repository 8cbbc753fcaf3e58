import type { CloudStatus } from '../../../../../shared/ipc/cloud';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useAccount, useDeployments } from '../cloud-queries';
import { SecretsModeNote } from '../auth/SecretsModeNote';
import { CloudUrlForm } from '../auth/CloudUrlForm';
import { formatBytes, formatCount } from '../format';
import { PlanCard } from './PlanCard';
import { UsageBar } from './UsageBar';
import { UsageHistoryCard } from './UsageHistoryCard';
import './account.css';

export function AccountScreen({ status }: { status: CloudStatus }) {
  const { data: account, error, loading } = useAccount(true);
  const { data: deployments } = useDeployments(true);
  const hosted = deployments?.filter((d) => d.status !== 'stopped').length ?? 0;
  return (
    <div className="cloud-screen">
      <div className="account-grid">
        <PlanCard account={account} />
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
              {account.usage.aiTokensLimit > 0 && (
                <UsageBar
                  label="AI tokens"
                  used={account.usage.aiTokensUsed}
                  limit={account.usage.aiTokensLimit}
                  show={formatCount}
                  limitName="ai_tokens"
                />
              )}
              {/* A plan without hosting is a normal state, not a failure: said as a note. */}
              {account.limits.hostedMocks === false ? (
                <p className="notice notice-info" role="note" data-testid="no-hosting-note">
                  Your plan does not include hosted mocks. Sync and API tokens work as usual; deploying to a public URL
                  needs Pro or Team.
                </p>
              ) : (
                account.limits.maxProjects !== null && (
                  <UsageBar
                    label="Hosted mocks (running deployments)"
                    used={hosted}
                    limit={account.limits.maxProjects}
                    show={formatCount}
                    limitName="max_projects"
                    help="One deployment per cloud project, so the project limit caps them."
                  />
                )
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
      <UsageHistoryCard account={account} />
      <section className="cloud-card" aria-label="Connection">
        <h2>Connection</h2>
        <CloudUrlForm current={status.baseUrl} signedIn />
        <SecretsModeNote mode={status.secrets} />
      </section>
    </div>
  );
}
