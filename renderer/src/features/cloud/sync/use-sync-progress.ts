import { useEffect, useState } from 'react';
import type { SyncProgressEvent } from '../../../../../shared/ipc/cloud';
import { subscribe } from '../../../app/api';

/**
 * The latest sync.progress event, plus the phase changes of the current run ('step' events
 * only move the counters; listing them would drown the phases).
 */
export function useSyncProgress(keep = 6): { latest: SyncProgressEvent | null; recent: SyncProgressEvent[] } {
  const [state, setState] = useState<{ latest: SyncProgressEvent | null; recent: SyncProgressEvent[] }>({
    latest: null,
    recent: [],
  });
  useEffect(
    () =>
      subscribe('sync.progress', (p) =>
        setState((s) => ({
          latest: p,
          recent: p.phase === 'started' ? [p] : p.phase === 'step' ? s.recent : [...s.recent, p].slice(-keep),
        })),
      ),
    [keep],
  );
  return state;
}

/** "3 pushed, 1 pulled" from a summary; empty parts left out. */
export function summaryText(s: SyncProgressEvent['summary']): string {
  const total = (c: { project: number; mock: number; response: number }) => c.project + c.mock + c.response;
  const parts = [
    [total(s.pushed), 'sent'],
    [total(s.pulled), 'received'],
    [total(s.deletedRemote), 'deleted in the cloud'],
    [total(s.deletedLocal), 'deleted here'],
    [s.conflicts, s.conflicts === 1 ? 'conflict' : 'conflicts'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  return text || 'nothing to change';
}
