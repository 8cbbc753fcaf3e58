import type { App } from '../core/app';
import { shutdownBoundMs } from '../core/server/http-limits';
import { EXIT_OK } from './command';

/** Exit code after a forced stop (a second Ctrl+C/SIGTERM): 128 + SIGINT, as shells report it. */
export const EXIT_FORCED = 130;
/** After a second signal: how long until the exit is forced, logs written or not. */
export const FORCED_EXIT_MS = 1000;

export interface StopSignal {
  /** Resolves on the first SIGINT/SIGTERM (or `stop()`). */
  readonly promise: Promise<NodeJS.Signals>;
  /** Stops as a signal would (a parent that went away). */
  stop(): void;
  /** Removes the handlers; those of a stop that began stay until exit, for the second signal. */
  dispose(): void;
  /** Called on a second signal while closing. */
  onRepeat(handler: () => void): void;
  /** A signal or `stop()` began the stop: the process is to end when the command returns. */
  readonly endsProcess: boolean;
}

/**
 * Resolves on the first SIGINT/SIGTERM (or `stop()`). Ctrl+C reaches every process of the
 * terminal's group and wrappers (npm, tsx) relay it too, so one keypress may arrive twice:
 * only a signal repeated after a second counts as a second one, which hurries the close.
 */
export function waitForStopSignal(): StopSignal {
  let resolve!: (s: NodeJS.Signals) => void;
  const promise = new Promise<NodeJS.Signals>((r) => (resolve = r));
  let firstAt: number | null = null;
  let endsProcess = false;
  let repeat: (() => void) | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (firstAt === null) {
      firstAt = Date.now();
      endsProcess = true;
      resolve(signal);
    } else if (Date.now() - firstAt > 1000) {
      repeat?.();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    promise,
    stop: () => {
      firstAt ??= Date.now();
      endsProcess = true;
      resolve('SIGTERM');
    },
    dispose() {
      // Keep a handler until exit so a second Ctrl+C during close() still hurries it.
      if (firstAt === null) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    },
    onRepeat(handler) {
      repeat = handler;
    },
    get endsProcess() {
      return endsProcess;
    },
  };
}

/**
 * Closes the app within a bound whatever its clients do: the mock server gives requests in
 * flight its grace period (2 s by default), then cuts every connection; the request logs
 * answered until then are written, and the databases closed. A second signal cuts at once.
 * Should something still hang, the process exits anyway once the grace period plus
 * CLOSE_MARGIN_MS (http-limits.ts; FORCED_EXIT_MS after a second signal) have passed, after one last
 * attempt to write the queued logs. Resolves to the exit code.
 */
export async function closeWithinBound(app: App, stopped: StopSignal): Promise<number> {
  let code = EXIT_OK;
  let watchdog: NodeJS.Timeout | null = null;
  const forceExitIn = (ms: number): void => {
    if (!stopped.endsProcess) return;
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      try {
        app.server.flushLogs();
      } catch {
        // The log store may be closed already: nothing left to write then.
      }
      process.exit(code === EXIT_OK ? EXIT_FORCED : code);
    }, ms);
  };
  stopped.onRepeat(() => {
    code = EXIT_FORCED;
    app.server.cutConnections();
    forceExitIn(FORCED_EXIT_MS);
  });
  forceExitIn(shutdownBoundMs(app.server.httpLimits()));
  try {
    await app.close();
  } finally {
    if (watchdog) clearTimeout(watchdog);
  }
  // A request cut while a delayed mock was waiting leaves its timer behind: it must not keep
  // the process alive once everything is closed (unref: a process with nothing left exits now).
  if (stopped.endsProcess) setTimeout(() => process.exit(code), 200).unref();
  return code;
}
