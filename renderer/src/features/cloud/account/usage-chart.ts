import type { UsageMonthView } from '../../../../../shared/ipc/cloud-account';

export type UsageMetric = 'requests' | 'storageBytes' | 'aiTokensUsed';

export interface MonthBar {
  /** "2025-01" */
  month: string;
  /** "Jan" */
  label: string;
  value: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Above the plan's limit for this metric. */
  over: boolean;
}

export interface UsageChartLayout {
  bars: MonthBar[];
  /** y of the limit line, when a limit is known and fits the scale. */
  limitY: number | null;
  /** The value the top of the plot stands for. */
  max: number;
}

export interface UsageChartBox {
  width: number;
  height: number;
  /** Room under the bars for the month labels. */
  labelHeight: number;
  gap: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * One bar per month, oldest on the left (the cloud answers newest first), scaled so that the
 * busiest month or the plan's limit — whichever is higher — fills the plot, so the limit line
 * is always on the chart. A month the cloud left without a value gets no bar.
 */
export function layoutUsageChart(
  months: UsageMonthView[],
  metric: UsageMetric,
  limit: number | null,
  box: UsageChartBox,
): UsageChartLayout {
  const ordered = [...months].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const plot = box.height - box.labelHeight;
  const values = ordered.map((m) => m[metric]);
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const useLimit = limit !== null && limit > 0 ? limit : 0;
  const max = Math.max(1, ...known, useLimit);
  const n = Math.max(1, ordered.length);
  const width = Math.max(6, (box.width - box.gap * (n - 1)) / n);
  const bars = ordered.map((m, i) => {
    const value = values[i] ?? null;
    const height = value === null ? 0 : Math.max(value > 0 ? 2 : 0, Math.round((value / max) * plot));
    const d = new Date(m.periodStart);
    return {
      month: m.periodStart.slice(0, 7),
      label: MONTHS[d.getUTCMonth()] ?? m.periodStart.slice(5, 7),
      value,
      x: i * (width + box.gap),
      y: plot - height,
      width,
      height,
      over: useLimit > 0 && value !== null && value > useLimit,
    };
  });
  return { bars, limitY: useLimit > 0 ? plot - Math.round((useLimit / max) * plot) : null, max };
}
