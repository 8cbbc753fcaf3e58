/** Display helpers shared by the cloud screens; pure so they are unit-tested. */

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0 B';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  const i = Math.min(units.length - 1, Math.floor(Math.log(n) / Math.log(1024)));
  const v = n / 1024 ** i;
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "3 min ago", "2 days ago"; absolute dates past a month, where "ago" stops helping. */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 'unknown';
  const s = Math.round((now - t) / 1000);
  if (s < 0) return until(iso, now);
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86_400);
  if (d <= 31) return `${d} ${d === 1 ? 'day' : 'days'} ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/** "in 5 days", "expired 2 days ago" */
export function until(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 'unknown';
  const s = Math.round((t - now) / 1000);
  if (s <= 0) return `expired ${ago(iso, now)}`;
  if (s < 3600) return `in ${Math.max(1, Math.floor(s / 60))} min`;
  if (s < 86_400) return `in ${Math.floor(s / 3600)} h`;
  const d = Math.floor(s / 86_400);
  return `in ${d} ${d === 1 ? 'day' : 'days'}`;
}

export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const p = ratio * 100;
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}
