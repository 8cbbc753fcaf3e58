import type { InstallProgress } from '../../../shared/models';

/** How often a download's byte counts go out at most: a bar needs no more, IPC wants less. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Installs report each step and each downloaded chunk; the renderer's bar listens here (the
 * contract event `market.installProgress`). Byte counts within one step are thinned to one
 * per PROGRESS_INTERVAL_MS per package; a new step always goes out, so "done" is never lost.
 */
export class InstallProgressFeed {
  private readonly listeners = new Set<(p: InstallProgress) => void>();
  private readonly last = new Map<string, { phase: InstallProgress['phase']; at: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  on(listener: (p: InstallProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  report(p: InstallProgress): void {
    const key = `${p.kind}/${p.name}`;
    const at = this.now();
    const prev = this.last.get(key);
    const complete = p.total !== null && p.received >= p.total;
    if (prev && prev.phase === p.phase && at - prev.at < PROGRESS_INTERVAL_MS && !complete) return;
    if (p.phase === 'done') this.last.delete(key);
    else this.last.set(key, { phase: p.phase, at });
    for (const l of this.listeners) l(p);
  }

  /** An install that failed: forget its step, so a retry starts reporting at once. */
  forget(kind: InstallProgress['kind'], name: string): void {
    this.last.delete(`${kind}/${name}`);
  }
}
