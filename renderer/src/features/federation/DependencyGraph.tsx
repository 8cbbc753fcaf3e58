import type { FederationService } from '../../../../shared/models';
import { BOX_H, BOX_W, layoutGraph } from './federation-form';

/**
 * The services as boxes and their dependencies as arrows (plain SVG: a handful of boxes
 * needs no graph library). Columns by depth: what a service depends on stands to its left.
 */
export function DependencyGraph({ services }: { services: FederationService[] }) {
  const { boxes, width, height } = layoutGraph(services);
  const at = new Map(boxes.map((b) => [b.name, b]));
  const edges = services.flatMap((s) => s.dependencies.filter((d) => at.has(d)).map((d) => ({ from: s.name, to: d })));
  const label = edges.length === 0 ? 'no dependencies' : edges.map((e) => `${e.from} depends on ${e.to}`).join(', ');
  return (
    <section className="federation-panel" aria-labelledby="fed-graph-title">
      <h3 id="fed-graph-title">Dependencies</h3>
      {services.length === 0 ? (
        <p className="muted">Add services to see how they depend on each other.</p>
      ) : (
        <div className="federation-graph">
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`Dependency graph: ${label}`}
          >
            <defs>
              <marker
                id="fed-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" className="fed-arrow-head" />
              </marker>
            </defs>
            {edges.map((e) => {
              const a = at.get(e.from)!;
              const b = at.get(e.to)!;
              const x1 = a.x;
              const y1 = a.y + BOX_H / 2;
              const x2 = b.x + BOX_W;
              const y2 = b.y + BOX_H / 2;
              const mid = (x1 + x2) / 2;
              return (
                <path
                  key={`${e.from}->${e.to}`}
                  className="fed-edge"
                  d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`}
                  markerEnd="url(#fed-arrow)"
                />
              );
            })}
            {boxes.map((b) => (
              <g key={b.name} transform={`translate(${b.x} ${b.y})`}>
                <rect width={BOX_W} height={BOX_H} rx="6" className={`fed-box fed-level-${b.level}`} />
                <text x="10" y="18" className="fed-box-name">
                  {b.name.length > 18 ? `${b.name.slice(0, 17)}…` : b.name}
                </text>
                <text x="10" y="34" className="fed-box-level">
                  {b.level}
                </text>
              </g>
            ))}
          </svg>
        </div>
      )}
    </section>
  );
}
