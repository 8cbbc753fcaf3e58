import { useState } from 'react';
import type { ServerState } from '../../../../shared/ipc/contract';
import { isLoopbackHost } from '../../../../shared/ipc/loopback';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { setQueryData } from '../../app/query';
import { qk } from '../../app/query-keys';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useServerState } from '../projects/project-queries';

const LOOPBACK = '127.0.0.1';
/** Every interface: other machines can reach the mocks. Only after the user confirms. */
const NETWORK = '0.0.0.0';

/** Start/stop, port and interface of the shared mock server, with the fix when it cannot listen. */
export function ServerPanel() {
  const { data: state, error: loadError } = useServerState();
  // What the user typed; until then the port the server reports.
  const [portDraft, setPort] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [hostDraft, setHost] = useState<string | null>(null);
  const [confirmingExposure, setConfirmingExposure] = useState(false);

  const port = portDraft ?? (state ? String(state.port) : '');
  const host = hostDraft ?? (state && !isLoopbackHost(state.host) ? NETWORK : LOOPBACK);

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
      setQueryData(qk.server, next);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  const start = (exposeOnNetwork = false) =>
    run(() =>
      call('server.start', {
        ...(port.trim() ? { port: portNumber } : {}),
        host,
        ...(exposeOnNetwork ? { exposeOnNetwork: true } : {}),
      }),
    );
  // Leaving loopback is the user's decision, made knowingly: the handler refuses it otherwise.
  const requestStart = () => (isLoopbackHost(host) ? void start() : setConfirmingExposure(true));
  // The port it answered on stays in the field, so Start brings the same URLs back even when the
  // configured port was 0 ("any free port"), without retyping it.
  const stop = () => {
    if (portDraft === null && state?.running) setPort(String(state.port));
    return run(() => call('server.stop', {}));
  };
  const running = state?.running ?? false;
  const failedPorts = state?.projectPorts.filter((p) => p.error) ?? [];

  return (
    <section className="server-panel" aria-label="Mock server">
      <div className="server-line">
        <span className={`dot ${running ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
        <span data-testid="server-state">{running ? 'Running' : 'Stopped'}</span>
        {running && state?.url && <code className="server-url">{state.url}</code>}
      </div>
      <label className="inline-label server-host">
        Listen on
        <select aria-label="Listen on" value={host} disabled={running} onChange={(e) => setHost(e.target.value)}>
          <option value={LOOPBACK}>This computer only</option>
          <option value={NETWORK}>The network (all interfaces)</option>
        </select>
      </label>
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
            onClick={requestStart}
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
      {confirmingExposure && (
        <ConfirmDialog
          title="Expose the mock server on the network?"
          danger
          busy={busy}
          confirmLabel="Expose on the network"
          message={
            <p>
              Anyone who can reach this computer, on this network or beyond, can call your mocks and read what they
              answer. The management API still needs its token. Choose “This computer only” unless other devices must
              reach it.
            </p>
          }
          onConfirm={() => {
            setConfirmingExposure(false);
            void start(true);
          }}
          onCancel={() => setConfirmingExposure(false)}
        />
      )}
    </section>
  );
}
