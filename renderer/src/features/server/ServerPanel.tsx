import { useState } from 'react';
import type { ServerState } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { keys, setQueryData } from '../../app/query';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useServerState } from '../projects/project-queries';

/** Start/stop and port of the shared mock server, with the fix when it cannot listen. */
export function ServerPanel() {
  const { data: state, error: loadError } = useServerState();
  // What the user typed; until then the port the server reports.
  const [portDraft, setPort] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const port = portDraft ?? (state ? String(state.port) : '');

  const portNumber = Number(port);
  const portError =
    port.trim() && (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535)
      ? 'Port must be 1–65535'
      : null;
  const shownError = error ?? state?.error ?? loadError;

  const run = async (action: () => Promise<ServerState>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      setQueryData(keys.server, next);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(() => call('server.start', port.trim() ? { port: portNumber } : {}));
  const stop = () => run(() => call('server.stop', {}));
  const running = state?.running ?? false;
  const failedPorts = state?.projectPorts.filter((p) => p.error) ?? [];

  return (
    <section className="server-panel" aria-label="Mock server">
      <div className="server-line">
        <span className={`dot ${running ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
        <span data-testid="server-state">{running ? 'Running' : 'Stopped'}</span>
        {running && state?.url && <code className="server-url">{state.url}</code>}
      </div>
      <div className="server-controls">
        <label className="inline-label">
          Port
          <input
            aria-label="Server port"
            inputMode="numeric"
            value={port}
            disabled={running}
            aria-invalid={Boolean(portError)}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        {running ? (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void stop()}>
            Stop server
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy || Boolean(portError)}
            onClick={() => void start()}
          >
            Start server
          </button>
        )}
      </div>
      {portError && <div className="field-error">{portError}</div>}
      <ErrorNotice error={shownError} onDismiss={error ? () => setError(null) : undefined} />
      {failedPorts.map((p) => (
        <ErrorNotice key={p.projectId} error={p.error} />
      ))}
    </section>
  );
}
