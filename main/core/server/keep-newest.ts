/**
 * Drops, in place, every queued request that retention would delete as soon as it was
 * written: all but the newest `retention` of each project. The rest keep their order.
 * Returns how many went.
 */
export function keepNewest(
  queue: { projectId: string }[],
  retention: number | ((projectId: string) => number),
): number {
  const retentionOf = typeof retention === 'number' ? () => retention : retention;
  const seen = new Map<string, number>();
  const keep = new Array<boolean>(queue.length);
  for (let i = queue.length - 1; i >= 0; i--) {
    const projectId = queue[i]!.projectId;
    const n = (seen.get(projectId) ?? 0) + 1;
    seen.set(projectId, n);
    keep[i] = n <= retentionOf(projectId);
  }
  let kept = 0;
  for (let i = 0; i < queue.length; i++) if (keep[i]) queue[kept++] = queue[i]!;
  const dropped = queue.length - kept;
  queue.length = kept;
  return dropped;
}
