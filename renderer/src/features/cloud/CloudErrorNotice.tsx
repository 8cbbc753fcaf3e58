import type { AppErrorShape } from '../../../../shared/ipc/result';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { explainLimit } from './limits';

/** ErrorNotice, plus the plan-limit explanation when the cloud refused over a limit. */
export function CloudErrorNotice({ error, onDismiss }: { error: AppErrorShape | null; onDismiss?: () => void }) {
  const openCloud = useAppStore((s) => s.openCloud);
  const limit = explainLimit(error);
  if (!error) return null;
  if (!limit) return <ErrorNotice error={error} {...(onDismiss ? { onDismiss } : {})} />;
  return (
    <div role="alert" className="notice notice-error limit-notice">
      <div>
        <strong className="notice-message">{limit.title}</strong>
        <div className="notice-hint">{limit.remedy}</div>
        <div className="muted small">Cloud said: {error.message}</div>
        <button type="button" className="btn btn-small limit-action" onClick={() => openCloud('account')}>
          See plan and usage
        </button>
      </div>
      {onDismiss && (
        <button type="button" className="icon-btn" aria-label="Dismiss error" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
