const TONE: Record<string, string> = {
  active: 'ok',
  healthy: 'ok',
  deploying: 'info',
  stopped: 'muted',
  failed: 'danger',
  unhealthy: 'danger',
};

/** "active · healthy": the status says what was asked for, health whether it actually serves. */
export function StatusBadge({ status, health }: { status: string; health: string }) {
  return (
    <span className="status-badges" data-testid="deployment-status">
      <span className={`badge tone-${TONE[status] ?? 'muted'}`}>{status}</span>
      {status !== 'stopped' && <span className={`badge tone-${TONE[health] ?? 'muted'}`}>{health}</span>}
    </span>
  );
}
