import type { UsageMonthView } from '../../../../../shared/ipc/cloud-account';
import { layoutUsageChart, type UsageMetric } from './usage-chart';

const BOX = { width: 520, height: 170, labelHeight: 20, gap: 10 };

/**
 * Usage per month as an SVG bar chart with the plan's limit as a dashed line. Hand-drawn like
 * the deployment status chart: a few rects need no chart library, and the numbers are in the
 * titles and the table beside it for screen readers.
 */
export function UsageHistoryChart({
  months,
  metric,
  limit,
  show,
  label,
}: {
  months: UsageMonthView[];
  metric: UsageMetric;
  limit: number | null;
  show: (n: number) => string;
  label: string;
}) {
  const { bars, limitY } = layoutUsageChart(months, metric, limit, BOX);
  if (bars.length === 0) return <p className="muted">No usage recorded yet.</p>;
  const summary = bars.map((b) => `${b.month}: ${b.value === null ? 'unknown' : show(b.value)}`).join(', ');
  const top = 16;
  return (
    <svg
      className="usage-chart"
      role="img"
      aria-label={`${label} per month${limit ? `, limit ${show(limit)}` : ''}: ${summary}`}
      viewBox={`0 -${top} ${BOX.width} ${BOX.height + top}`}
      preserveAspectRatio="xMinYMin meet"
      data-testid="usage-chart"
    >
      {bars.map((b) => (
        <g key={b.month} data-month={b.month}>
          <title>{`${b.month}: ${b.value === null ? 'not reported' : show(b.value)}`}</title>
          <rect
            className={b.over ? 'bar-over' : 'bar-usage'}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            rx={2}
          />
          {b.value !== null && (
            <text className="chart-count" x={b.x + b.width / 2} y={b.y - 4} textAnchor="middle">
              {show(b.value)}
            </text>
          )}
          <text className="chart-label" x={b.x + b.width / 2} y={BOX.height - 4} textAnchor="middle">
            {b.label}
          </text>
        </g>
      ))}
      {limitY !== null && limit !== null && (
        <g className="limit-line">
          <line x1={0} x2={BOX.width} y1={limitY} y2={limitY} />
          <text className="chart-label" x={BOX.width} y={limitY - 4} textAnchor="end">
            limit {show(limit)}
          </text>
        </g>
      )}
    </svg>
  );
}
