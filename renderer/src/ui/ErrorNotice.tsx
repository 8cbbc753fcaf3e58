import type { AppErrorShape } from '../../../shared/ipc/result';

/** An error as a person reads it: what happened, then what to do about it. */
export function ErrorNotice({ error, onDismiss }: { error: AppErrorShape | null; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className="notice notice-error">
      <div>
        <strong className="notice-message">{sentence(error.message)}</strong>
        {error.hint && <div className="notice-hint">{sentence(error.hint)}</div>}
      </div>
      {onDismiss && (
        <button type="button" className="icon-btn" aria-label="Dismiss error" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

export function sentence(s: string): string {
  const t = s.trim();
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}
