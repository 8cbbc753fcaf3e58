import { useState } from 'react';
import type { SyncConflictView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { ago } from '../format';
import { choiceHelp, conflictRows } from './diff';

type Choice = 'mine' | 'theirs' | 'both';
const LABELS: Record<Choice, string> = { mine: 'Keep mine', theirs: 'Keep theirs', both: 'Keep both' };

export function ConflictList({ conflicts, onResolved }: { conflicts: SyncConflictView[]; onResolved: () => void }) {
  return (
    <ul className="conflicts" aria-label="Sync conflicts">
      {conflicts.map((c) => (
        <ConflictItem key={c.id} conflict={c} onResolved={onResolved} />
      ))}
    </ul>
  );
}

function ConflictItem({ conflict: c, onResolved }: { conflict: SyncConflictView; onResolved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const rows = conflictRows(c);
  const help = choiceHelp(c);
  const resolve = async (choice: Choice) => {
    setBusy(true);
    setError(null);
    try {
      await call('sync.resolve', { id: c.id, choice });
      onResolved();
      invalidate(
        qk.cloud.conflicts,
        qk.cloud.syncStatus,
        qk.projects.lists,
        qk.projects.detail(c.projectId),
        qk.mocks.lists,
      );
    } catch (e) {
      setError(e as AppErrorShape);
      setBusy(false);
    }
  };
  return (
    <li className="conflict" aria-label={`Conflict: ${c.label}`}>
      <div className="conflict-head">
        <span className="badge">{c.kind}</span> <strong>{c.label}</strong>{' '}
        <span className="muted small">changed on both sides · found {ago(c.detectedAt)}</span>
      </div>
      <table className="diff-table" aria-label={`Differences in ${c.label}`}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Mine (this machine)</th>
            <th scope="col">Theirs (cloud)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row" title={`At the last sync: ${r.base}`}>
                {r.field}
              </th>
              <td className={r.mineChanged ? 'diff-changed diff-mine' : 'diff-same'}>
                <code>{r.mine}</code>
              </td>
              <td className={r.theirsChanged ? 'diff-changed diff-theirs' : 'diff-same'}>
                <code>{r.theirs}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-actions">
        {(Object.keys(LABELS) as Choice[]).map((choice) => (
          <button
            key={choice}
            type="button"
            className={`btn btn-small ${choice === 'mine' ? 'btn-primary' : ''}`}
            disabled={busy}
            title={help[choice]}
            aria-label={`${LABELS[choice]} for ${c.label}`}
            onClick={() => void resolve(choice)}
          >
            {LABELS[choice]}
          </button>
        ))}
      </div>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
    </li>
  );
}
