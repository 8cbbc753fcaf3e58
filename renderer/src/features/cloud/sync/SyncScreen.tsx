import { useRef, useState } from 'react';
import type { SyncResultView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { EmptyState } from '../../../ui/EmptyState';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useConflicts, useSyncStatus } from '../cloud-queries';
import { ago } from '../format';
import { ConflictList } from './ConflictList';
import { summaryText, useSyncProgress } from './use-sync-progress';

export function SyncScreen() {
  const { data: status, error: statusError } = useSyncStatus();
  const { data: conflicts, error: conflictsError } = useConflicts();
  const { latest, recent } = useSyncProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<SyncResultView | null>(null);
  // Choices made since the last sync: they only take effect when the next one runs.
  const [chosen, setChosen] = useState(0);
  const running = busy || (status?.running ?? false);
  // Set while a sync this screen started runs: "Cancel sync" aborts it in main.
  const cancelRef = useRef<AbortController | null>(null);

  const syncNow = async () => {
    const controller = new AbortController();
    cancelRef.current = controller;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('sync.run', {}, { signal: controller.signal }));
      setChosen(0);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      cancelRef.current = null;
      setBusy(false);
      invalidate(qk.cloud.syncStatus, qk.cloud.conflicts, qk.projects.lists, qk.mocks.lists);
    }
  };

  return (
    <div className="cloud-screen">
      <div className="cloud-screen-head">
        <div>
          <h2>Sync</h2>
          <p className="muted">
            Sends your projects, mocks and responses to the selected organization and brings in what teammates changed.
            When both sides changed the same thing, you choose below.
          </p>
        </div>
        <div className="cloud-screen-actions">
          {busy && (
            <button type="button" className="btn" onClick={() => cancelRef.current?.abort()}>
              Cancel sync
            </button>
          )}
          <button type="button" className="btn btn-primary" disabled={running} onClick={() => void syncNow()}>
            {running ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      </div>
      <div className="stat-cards">
        <div className="stat-card">
          <div className="stat-label">Last synced</div>
          <div className="stat-value" data-testid="sync-last">
            {status ? ago(status.lastSyncedAt) : '…'}
          </div>
        </div>
        <div className="stat-card">
          <div className="stat-label">Pending changes</div>
          <div className="stat-value" data-testid="sync-pending">
            {status ? status.pendingChanges : '…'}
          </div>
        </div>
        <div className="stat-card">
          <div className="stat-label">Conflicts</div>
          <div className={`stat-value ${status && status.conflicts > 0 ? 'text-warn' : ''}`}>
            {status ? status.conflicts : '…'}
          </div>
        </div>
      </div>
      {running && (
        <div className="sync-progress" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <span>
            {latest?.phase === 'project' || latest?.phase === 'step'
              ? `${latest.project ?? 'Syncing'}: ${summaryText(latest.summary)}`
              : (latest?.message ?? 'Starting sync…')}
          </span>
        </div>
      )}
      {/* Conflicts are not a failure, nor a plain success: they wait for the user's choice. */}
      {!running && result && (
        <div className={`notice ${result.conflicts > 0 ? 'notice-warn' : 'notice-ok'}`} role="status">
          <span>
            {result.conflicts > 0
              ? `Sync finished with ${result.conflicts} ${result.conflicts === 1 ? 'conflict' : 'conflicts'}: choose a side below, then sync again. `
              : 'Sync finished: '}
            {summaryText(result)}.
            {result.skipped.length > 0 && ` ${result.skipped.length} item(s) skipped: ${result.skipped[0]!.reason}.`}
          </span>
        </div>
      )}
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      {!error && !running && status?.lastError && (
        <CloudErrorNotice
          error={{ code: 'CLOUD_ERROR', message: `The last sync failed: ${status.lastError}`, hint: 'Sync again.' }}
        />
      )}
      <CloudErrorNotice error={statusError ?? conflictsError} />
      {recent.length > 1 && (
        <details className="sync-log">
          <summary>What the last sync did</summary>
          <ul>
            {recent.map((p) => (
              <li key={`${p.at}-${p.phase}-${p.project ?? ''}`}>
                <span className="muted">{new Date(p.at).toLocaleTimeString()}</span> {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3 className="section-title">Conflicts</h3>
      {chosen > 0 && !running && (
        <div className="notice notice-info" role="status">
          <span>
            {chosen === 1 ? 'Your choice is saved' : `Your ${chosen} choices are saved`}; sync to apply{' '}
            {chosen === 1 ? 'it' : 'them'} here and in the cloud.
          </span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => void syncNow()}>
            Sync to apply
          </button>
        </div>
      )}
      {conflicts && conflicts.length === 0 && (
        <EmptyState title="No conflicts">
          When a mock is changed here and in the cloud between two syncs, it waits here with both versions side by side.
        </EmptyState>
      )}
      {conflicts && conflicts.length > 0 && (
        <ConflictList conflicts={conflicts} onResolved={() => setChosen((n) => n + 1)} />
      )}
    </div>
  );
}
