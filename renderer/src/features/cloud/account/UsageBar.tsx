import { useId, type ReactNode } from 'react';
import { explainLimit, usageLevel, usagePercent } from '../limits';

/** One usage meter: a real <meter>-like bar with its numbers, and the way out when it is full. */
export function UsageBar({
  label,
  used,
  limit,
  show,
  limitName,
  help,
}: {
  label: string;
  used: number;
  limit: number;
  show: (n: number) => string;
  limitName: string;
  help?: ReactNode;
}) {
  const id = useId();
  const level = usageLevel(used, limit);
  const pct = usagePercent(used, limit);
  const full =
    level === 'full'
      ? explainLimit({ code: 'CLOUD_ERROR', message: `Your plan's limit on ${limitName} is reached` })
      : null;
  return (
    <div className="usage">
      <div className="usage-head">
        <span id={id}>{label}</span>
        <span className="muted">
          {show(used)} of {limit > 0 ? show(limit) : 'unlimited'}
        </span>
      </div>
      <div
        className={`usage-track usage-${level}`}
        role="meter"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={`${show(used)} of ${limit > 0 ? show(limit) : 'unlimited'}`}
      >
        <div className="usage-fill" style={{ width: `${pct}%` }} />
      </div>
      {full && (
        <div className="field-error">
          {full.title} {full.remedy}
        </div>
      )}
      {!full && level === 'warn' && <div className="field-help text-warn">Close to the limit.</div>}
      {!full && help && <div className="field-help">{help}</div>}
    </div>
  );
}
