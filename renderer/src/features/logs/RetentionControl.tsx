import { useEffect, useState } from 'react';
import type { LogRetentionState } from '../../../../shared/models';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { useAppStore } from '../../app/store';

/**
 * How many request-log rows this project keeps (docs/request-logs.md "Retention"): its own
 * number, or empty for the app's default, which the second field sets for every project
 * without one. Saved when the field is left; 0 keeps none.
 */
export function RetentionControl({ projectId }: { projectId: string }) {
  const notify = useAppStore((s) => s.notify);
  const [state, setState] = useState<LogRetentionState | null>(null);
  const [own, setOwn] = useState('');
  const [fallback, setFallback] = useState('');

  useEffect(() => {
    let live = true;
    void call('requestLogs.retention', { projectId }).then((s) => {
      if (!live) return;
      setState(s);
      setOwn(s.projectRetention == null ? '' : String(s.projectRetention));
      setFallback(String(s.defaultRetention));
    });
    return () => {
      live = false;
    };
  }, [projectId]);

  const fail = (e: unknown) => {
    const err = e as AppErrorShape;
    notify({ kind: 'error', message: err.message, hint: err.hint });
  };
  const rowsOf = (text: string): number | null | 'bad' => {
    const t = text.trim().replace(/[,_\s]/g, '');
    if (t === '') return null;
    return /^\d+$/.test(t) ? Number(t) : 'bad';
  };
  const saveOwn = async () => {
    const rows = rowsOf(own);
    if (rows === 'bad')
      return notify({
        kind: 'error',
        message: 'Rows kept must be a whole number (0 keeps none), or empty for the default',
      });
    if (rows === (state?.projectRetention ?? null)) return;
    try {
      await call('projects.update', { id: projectId, patch: { logRetention: rows } });
      setState(await call('requestLogs.retention', { projectId }));
    } catch (e) {
      fail(e);
    }
  };
  const saveDefault = async () => {
    const rows = rowsOf(fallback);
    if (rows === null || rows === 'bad')
      return notify({ kind: 'error', message: 'The default must be a whole number of rows (0 keeps none)' });
    if (rows === state?.defaultRetention) return;
    try {
      await call('requestLogs.setDefaultRetention', { rows });
      setState(await call('requestLogs.retention', { projectId }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <details className="log-retention">
      <summary title="How many request-log rows this project keeps">
        Keep {state ? (state.effective ?? state.defaultRetention).toLocaleString('en-US') : '…'} rows
      </summary>
      <div className="log-retention-pop" role="group" aria-label="Request log retention">
        <label>
          This project{' '}
          <input
            className="retention-input"
            inputMode="numeric"
            aria-label="Rows this project keeps (empty: the default)"
            placeholder={state ? `default ${state.defaultRetention.toLocaleString('en-US')}` : ''}
            value={own}
            onChange={(e) => setOwn(e.target.value)}
            onBlur={() => void saveOwn()}
          />{' '}
          rows
        </label>
        <label title="Rows kept by projects without their own number (mockdeck serve --log-retention overrides it for that run)">
          Default{' '}
          <input
            className="retention-input"
            inputMode="numeric"
            aria-label="Rows kept by default"
            value={fallback}
            onChange={(e) => setFallback(e.target.value)}
            onBlur={() => void saveDefault()}
          />
        </label>
      </div>
    </details>
  );
}
