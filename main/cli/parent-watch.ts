/**
 * A launcher killed with -9 (bin/mockdeck.mjs, the tsx of `npm run cli`, npm start's browser
 * fallback) sends its child no signal, and a `serve` left behind keeps the port. So the CLI
 * stops, as on SIGTERM (logs flushed), when the process that started it goes away:
 * - started with an IPC channel (the launchers do that): its 'disconnect' is immediate;
 * - asked to (`npm run cli`, `ui --exit-with-parent`): by noticing it was re-parented.
 * Plain `node cli.mjs serve` under nohup is left alone: surviving its shell is the point.
 */
export interface ParentWatchOptions {
  /** Also poll process.ppid (for parents that give no channel). */
  pollPpid: boolean;
  onParentGone?: () => void;
  intervalMs?: number;
}

export function stopWhenParentDies(opts: ParentWatchOptions): () => void {
  const gone = opts.onParentGone ?? ((): void => void process.kill(process.pid, 'SIGTERM'));
  let fired = false;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    gone();
  };
  const channel = process.channel;
  if (channel) {
    // The channel only carries this notice: it must not keep a finished command alive.
    channel.unref();
    process.once('disconnect', fire);
  }
  const parent = process.ppid;
  const timer = opts.pollPpid
    ? setInterval(() => {
        if (process.ppid !== parent) fire();
      }, opts.intervalMs ?? 500).unref()
    : null;
  return () => {
    process.off('disconnect', fire);
    if (timer) clearInterval(timer);
  };
}
