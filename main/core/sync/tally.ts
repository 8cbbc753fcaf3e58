import type { SyncKind } from '../store/sync-links-repo';

type Counts = Record<SyncKind, number>;
const zero = (): Counts => ({ project: 0, mock: 0, response: 0 });

export interface SyncSummary {
  pushed: Counts;
  pulled: Counts;
  deletedRemote: Counts;
  deletedLocal: Counts;
  conflicts: number;
  skipped: { kind: SyncKind; remoteId: string; reason: string }[];
}

/** Counts what a sync run did, and reports each step to a progress listener. */
export class SyncTally {
  readonly summary: SyncSummary = {
    pushed: zero(),
    pulled: zero(),
    deletedRemote: zero(),
    deletedLocal: zero(),
    conflicts: 0,
    skipped: [],
  };

  constructor(private readonly onStep: (summary: SyncSummary) => void = () => {}) {}

  pushed(kind: SyncKind): void {
    this.summary.pushed[kind]++;
    this.onStep(this.summary);
  }
  pulled(kind: SyncKind): void {
    this.summary.pulled[kind]++;
    this.onStep(this.summary);
  }
  deletedRemote(kind: SyncKind): void {
    this.summary.deletedRemote[kind]++;
    this.onStep(this.summary);
  }
  deletedLocal(kind: SyncKind): void {
    this.summary.deletedLocal[kind]++;
    this.onStep(this.summary);
  }
  conflict(): void {
    this.summary.conflicts++;
    this.onStep(this.summary);
  }
  skip(kind: SyncKind, remoteId: string, reason: string): void {
    this.summary.skipped.push({ kind, remoteId, reason });
  }
}
