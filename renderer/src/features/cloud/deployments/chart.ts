export interface Bar {
  code: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 'ok' 2xx/1xx, 'redirect' 3xx, 'client' 4xx, 'server' 5xx: the chart's colours. */
  tone: 'ok' | 'redirect' | 'client' | 'server';
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room under the bars for the status code labels. */
  labelHeight: number;
  gap: number;
}

export function toneOf(code: string): Bar['tone'] {
  const c = code.charAt(0);
  return c === '5' ? 'server' : c === '4' ? 'client' : c === '3' ? 'redirect' : 'ok';
}

/**
 * Lays out one bar per status code, in code order, scaled so the busiest code fills the
 * height. A code with any requests keeps at least 2 px so a single 500 never disappears.
 */
export function statusBars(codes: Record<string, number>, box: ChartBox): Bar[] {
  const entries = Object.entries(codes)
    .filter(([, n]) => Number.isFinite(n) && n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return [];
  const plot = box.height - box.labelHeight;
  const max = Math.max(...entries.map(([, n]) => n));
  const width = Math.max(4, (box.width - box.gap * (entries.length - 1)) / entries.length);
  return entries.map(([code, count], i) => {
    const height = Math.max(2, Math.round((count / max) * plot));
    return { code, count, x: i * (width + box.gap), y: plot - height, width, height, tone: toneOf(code) };
  });
}

export const STATUS_LABEL: Record<Bar['tone'], string> = {
  ok: 'success',
  redirect: 'redirect',
  client: 'client error',
  server: 'server error',
};
