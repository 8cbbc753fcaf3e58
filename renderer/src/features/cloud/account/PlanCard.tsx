import { useRef, useState } from 'react';
import type { AccountView } from '../../../../../shared/ipc/cloud';
import { UPGRADE_PLANS, type UpgradeResultView } from '../../../../../shared/ipc/cloud-account';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { formatCount } from '../format';

const ORDER = ['free', 'pro', 'team'];
const PITCH: Record<(typeof UPGRADE_PLANS)[number], string> = {
  pro: '10 cloud projects, hosted mocks, 250K requests a month',
  team: '100 cloud projects, 50 collaborators, 1M requests a month',
};

const limit = (n: number | null, unit = ''): string => (n === null ? '–' : `up to ${formatCount(n)}${unit}`);

/** The plan and its limits, and the upgrade: checkout in the system browser, back here when it returns. */
export function PlanCard({ account }: { account: AccountView | undefined }) {
  const [waiting, setWaiting] = useState<string | null>(null);
  const [result, setResult] = useState<UpgradeResultView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const stop = useRef<AbortController | null>(null);
  const rank = ORDER.indexOf(account?.plan ?? 'free');
  const offers = UPGRADE_PLANS.filter((p) => ORDER.indexOf(p) > rank);

  const upgrade = async (plan: (typeof UPGRADE_PLANS)[number]) => {
    const controller = new AbortController();
    stop.current = controller;
    setWaiting(plan);
    setError(null);
    setResult(null);
    try {
      setResult(await call('account.upgrade', { plan }, { signal: controller.signal }));
      invalidate(qk.cloud.account, qk.cloud.usageHistories);
    } catch (e) {
      const err = e as AppErrorShape;
      if (err.code !== 'CANCELLED') setError(err);
    } finally {
      setWaiting(null);
      stop.current = null;
    }
  };

  return (
    <section className="cloud-card" aria-label="Plan">
      <h2>Plan</h2>
      {!account && <div className="loading">Loading plan…</div>}
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
          <dd>{limit(account.limits.maxProjects, ' in the cloud')}</dd>
          <dt>Collaborators</dt>
          <dd>{limit(account.limits.maxCollaborators)}</dd>
        </dl>
      )}
      {waiting && (
        <div className="notice notice-info upgrade-waiting" role="status">
          <span className="spinner" aria-hidden="true" />
          <div>
            Finish the checkout for <strong className="plan-name">{waiting}</strong> in your browser. MockDeck updates
            your plan when the browser comes back.
          </div>
          <button type="button" className="btn btn-small" onClick={() => stop.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {result?.outcome === 'success' && (
        <div className="notice notice-ok" role="status">
          <div>
            Upgrade complete: you are on <strong className="plan-name">{result.account.plan}</strong>
            {result.account.plan !== result.requestedPlan &&
              ` (the cloud has not applied ${result.requestedPlan} yet — refresh in a minute)`}
            .
          </div>
        </div>
      )}
      {result?.outcome === 'cancelled' && (
        <div className="notice notice-info" role="status">
          Checkout cancelled in the browser: nothing changed.
        </div>
      )}
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      {account && !waiting && offers.length > 0 && (
        <div className="plan-offers">
          {offers.map((p) => (
            <div key={p} className="plan-offer">
              <div>
                <strong className="plan-name">{p}</strong>
                <div className="muted small">{PITCH[p]}</div>
              </div>
              <button type="button" className="btn btn-primary btn-small" onClick={() => void upgrade(p)}>
                Upgrade to {p === 'pro' ? 'Pro' : 'Team'}
              </button>
            </div>
          ))}
          <p className="muted small">Checkout opens in your browser; card details never pass through MockDeck.</p>
        </div>
      )}
    </section>
  );
}
