import { useState } from 'react';
import type { AccountView } from '../../../../../shared/ipc/cloud';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { formatBytes, formatCount } from '../format';
import { useUsageHistory } from './account-queries';
import type { UsageMetric } from './usage-chart';
import { UsageHistoryChart } from './UsageHistoryChart';

const METRICS: { metric: UsageMetric; label: string; show: (n: number) => string }[] = [
  { metric: 'requests', label: 'Requests', show: formatCount },
  { metric: 'storageBytes', label: 'Storage', show: formatBytes },
  { metric: 'aiTokensUsed', label: 'AI tokens', show: formatCount },
];
const RANGES = [3, 6, 12] as const;

function limitOf(metric: UsageMetric, account: AccountView | undefined): number | null {
  if (!account) return null;
  if (metric === 'requests') return account.usage.requestsLimit;
  if (metric === 'storageBytes') return account.usage.storageLimitBytes;
  return account.usage.aiTokensLimit;
}

/** Past months of usage (GET /usage/history), one metric at a time, against this plan's limit. */
export function UsageHistoryCard({ account }: { account: AccountView | undefined }) {
  const [months, setMonths] = useState<number>(6);
  const [metric, setMetric] = useState<UsageMetric>('requests');
  const { data, error } = useUsageHistory(months);
  const m = METRICS.find((x) => x.metric === metric)!;
  return (
    <section className="cloud-card usage-history" aria-label="Usage history">
      <div className="usage-history-head">
        <h2>Usage history</h2>
        <div className="usage-history-controls">
          <div role="radiogroup" aria-label="Metric" className="segmented">
            {METRICS.map((x) => (
              <button
                key={x.metric}
                type="button"
                role="radio"
                aria-checked={metric === x.metric}
                className={`btn btn-small ${metric === x.metric ? 'btn-active' : ''}`}
                onClick={() => setMetric(x.metric)}
              >
                {x.label}
              </button>
            ))}
          </div>
          <label className="inline-label">
            <span>Months</span>
            <select value={months} onChange={(e) => setMonths(Number(e.target.value))}>
              {RANGES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <CloudErrorNotice error={error} />
      {!data && !error && <div className="loading">Loading usage history…</div>}
      {data && (
        <UsageHistoryChart
          months={data}
          metric={metric}
          limit={limitOf(metric, account)}
          show={m.show}
          label={m.label}
        />
      )}
      <p className="muted small">
        Months are calendar months (UTC); the current month is still counting. The dashed line is your plan&apos;s limit
        today.
      </p>
    </section>
  );
}
