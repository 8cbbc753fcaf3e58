import type { AppErrorShape } from '../../../../shared/ipc/result';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { explainLimit } from './limits';

/** Errors where "is it the cloud or my network?" is the next question. */
const OUTAGE_CODES = new Set(['OFFLINE', 'CLOUD_ERROR']);

/**
 * ErrorNotice, plus the plan-limit explanation when the cloud refused over a limit, or a way
 * to the service status when the cloud or the network failed.
 */
export function CloudErrorNotice({ error, onDismiss }: { error: AppErrorShape | null; onDismiss?: () => void }) {
  const openCloud = useAppStore((s) => s.openCloud);
  const onStatus = useAppStore((s) => s.cloudOpen && s.cloudTab === 'status');
  const limit = explainLimit(error);
  if (!error) return null;
  if (!limit && OUTAGE_CODES.has(error.code) && !onStatus) {
    return (
      <div className="cloud-error-with-status">
        <ErrorNotice error={error} {...(onDismiss ? { onDismiss } : {})} />
        <button type="button" className="link-btn small" onClick={() => openCloud('status')}>
          Is the cloud down? Check service status
        </button>
      </div>
    );
  }
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
