import { statusBars, STATUS_LABEL } from './chart';

const BOX = { width: 320, height: 120, labelHeight: 18, gap: 8 };

/** Responses per status code as a small SVG bar chart; the numbers are in the labels too. */
export function StatusChart({ codes }: { codes: Record<string, number> }) {
  const bars = statusBars(codes, { ...BOX, width: Math.min(BOX.width, Object.keys(codes).length * 64) });
  if (bars.length === 0) return <p className="muted">No requests in this period yet.</p>;
  const summary = bars.map((b) => `${b.code}: ${b.count}`).join(', ');
  const width = Math.max(...bars.map((b) => b.x + b.width));
  return (
    <svg
      className="status-chart"
      role="img"
      aria-label={`Responses by status code: ${summary}`}
      width={width}
      height={BOX.height + 14}
      viewBox={`0 -14 ${width} ${BOX.height + 14}`}
    >
      {bars.map((b) => (
        <g key={b.code}>
          <title>{`${b.code} (${STATUS_LABEL[b.tone]}): ${b.count}`}</title>
          <rect className={`bar-${b.tone}`} x={b.x} y={b.y} width={b.width} height={b.height} rx={2} />
          <text className="chart-count" x={b.x + b.width / 2} y={b.y - 3} textAnchor="middle">
            {b.count}
          </text>
          <text className="chart-label" x={b.x + b.width / 2} y={BOX.height - 4} textAnchor="middle">
            {b.code}
          </text>
        </g>
      ))}
    </svg>
  );
}
