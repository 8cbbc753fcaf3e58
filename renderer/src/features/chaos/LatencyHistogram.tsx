import { useMemo } from 'react';
import type { Latency } from '../../../../shared/models';
import { histogramOf } from './histogram';

const W = 320;
const H = 90;

/** A preview of the latencies a setting draws: the engine's sampler, binned, as SVG bars. */
export function LatencyHistogram({ latency }: { latency: Latency | null }) {
  const h = useMemo(() => (latency ? histogramOf(latency) : null), [latency]);
  if (!h) {
    return (
      <div className="chaos-histogram chaos-histogram-empty" data-testid="latency-histogram">
        No added latency: requests are answered after the mock’s own delay only.
      </div>
    );
  }
  const top = Math.max(...h.bins);
  const barW = W / h.bins.length;
  const x = (ms: number) => ((ms - h.min) / (h.max - h.min)) * W;
  const summary = `p50 ${h.p50} ms · p95 ${h.p95} ms · p99 ${h.p99} ms`;
  return (
    <figure className="chaos-histogram" data-testid="latency-histogram">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Latency histogram: ${summary}`} preserveAspectRatio="none">
        {h.bins.map((n, i) => {
          const bh = top ? (n / top) * (H - 4) : 0;
          return <rect key={i} className="chaos-bar" x={i * barW + 0.5} y={H - bh} width={barW - 1} height={bh} />;
        })}
        {[h.p50, h.p99].map((p, i) => (
          <line key={i} className={i ? 'mark mark-p99' : 'mark'} x1={x(p)} x2={x(p)} y1={0} y2={H} />
        ))}
      </svg>
      <figcaption>
        <span>{h.min} ms</span>
        <span className="chaos-quantiles">{summary}</span>
        <span>{h.max} ms+</span>
      </figcaption>
    </figure>
  );
}
