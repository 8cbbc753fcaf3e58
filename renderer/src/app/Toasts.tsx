import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from './store';
import { sentence } from '../ui/ErrorNotice';

export function Toasts() {
  const { toasts, dismiss } = useAppStore(useShallow((s) => ({ toasts: s.toasts, dismiss: s.dismiss })));
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <div>
            <div>{sentence(t.message)}</div>
            {t.hint && <div className="notice-hint">{sentence(t.hint)}</div>}
          </div>
          <button type="button" className="icon-btn" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
