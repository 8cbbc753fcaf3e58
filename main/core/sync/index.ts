export { SyncEngine, type SyncProgress, type SyncResult, type SyncStatus } from './engine';
export { describeConflict, resolveConflict, type Resolution, type SyncConflict, type FieldDiff } from './conflicts';
export type { SyncSummary } from './tally';
