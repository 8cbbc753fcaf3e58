import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { setChaosEnabled, useServerStateForChaos } from './chaos-queries';
import './chaos.css';

/**
 * The kill switch, always in view under the server panel: it says whether chaos is on and how
 * many mocks and projects have a setting, and turns all of it off (or on) at once.
 */
export function ChaosSwitch() {
  const { data: state } = useServerStateForChaos();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  if (!state) return null;
  const { enabled, settings } = state.chaos;
  const active = enabled && settings > 0;
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await setChaosEnabled(!enabled);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={`chaos-switch ${active ? 'chaos-active' : ''}`} aria-label="Chaos kill switch">
      <label className="chaos-switch-line">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled}
          checked={enabled}
          disabled={busy}
          onChange={() => void toggle()}
        />
        <span data-testid="chaos-state">
          {enabled ? (settings > 0 ? 'Chaos on' : 'Chaos on (nothing set)') : 'Chaos off (kill switch)'}
        </span>
      </label>
      {settings > 0 && (
        <span className="muted chaos-count">
          {settings} {settings === 1 ? 'mock or project has' : 'mocks and projects have'} a chaos setting
          {enabled ? '' : ', kept for when it is on'}
        </span>
      )}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
