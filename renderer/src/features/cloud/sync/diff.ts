import type { SyncConflictView } from '../../../../../shared/ipc/cloud';

export interface DiffRow {
  field: string;
  mine: string;
  theirs: string;
  base: string;
  /** Which side moved away from the last synced value: tells the user who changed what. */
  mineChanged: boolean;
  theirsChanged: boolean;
}

/** One line per value: strings as typed, everything else as compact JSON; absent is a dash. */
export function showValue(v: unknown): string {
  if (v === undefined) return '–';
  if (v === null) return 'null';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function same(a: unknown, b: unknown): boolean {
  return showValue(a) === showValue(b);
}

/** The field-level diff of a conflict, deletions spelled out rather than left blank. */
export function conflictRows(c: SyncConflictView): DiffRow[] {
  if (c.mine === null || c.theirs === null) {
    const gone = c.mine === null ? 'mine' : 'theirs';
    const kept = gone === 'mine' ? c.theirs : c.mine;
    const summary = kept ? Object.keys(kept).length : 0;
    return [
      {
        field: c.kind,
        mine: gone === 'mine' ? 'Deleted on this machine' : `Changed here (${summary} fields)`,
        theirs: gone === 'theirs' ? 'Deleted in the cloud' : `Changed in the cloud (${summary} fields)`,
        base: 'existed at the last sync',
        mineChanged: true,
        theirsChanged: true,
      },
    ];
  }
  return c.fields.map((f) => ({
    field: f.field,
    mine: showValue(f.mine),
    theirs: showValue(f.theirs),
    base: showValue(f.base),
    mineChanged: !same(f.mine, f.base),
    theirsChanged: !same(f.theirs, f.base),
  }));
}

/**
 * What each choice will do to this conflict, so the buttons are not a guess. A choice is
 * recorded at once and carried out by the next sync, which also re-checks both sides.
 */
export function choiceHelp(c: SyncConflictView): Record<'mine' | 'theirs' | 'both', string> {
  const what = c.kind;
  return {
    mine:
      c.mine === null
        ? `Delete the ${what} in the cloud too`
        : `Send this machine's ${what} to the cloud at the next sync`,
    theirs: c.theirs === null ? `Delete the ${what} here too` : `Replace this machine's ${what} with the cloud's`,
    both: `Keep the cloud's ${what} and add this machine's as a copy`,
  };
}
