/**
 * Whether the user just clicked or pressed a key in the window. Electron tells the window-open
 * handler and will-navigate nothing about user activation, but main sees every input event
 * ('input-event'), so it keeps the time of the last activating one itself.
 */

/** Input types that count as user activation, as Chromium counts them (no moves, no wheel). */
const ACTIVATING = new Set([
  'mouseDown',
  'mouseUp',
  'rawKeyDown',
  'keyDown',
  'char',
  'gestureTap',
  'touchEnd',
  'pointerDown',
  'pointerUp',
]);

/** Chromium's transient user activation also lasts 5 s. */
export const GESTURE_WINDOW_MS = 5000;

export interface GestureTracker {
  /** Feed every input event of the window here. */
  record(input: { type: string }): void;
  /** True once per gesture, within GESTURE_WINDOW_MS of it: one click opens at most one URL. */
  consume(): boolean;
}

export function createGestureTracker(now: () => number = Date.now): GestureTracker {
  let last: number | null = null;
  return {
    record(input) {
      if (ACTIVATING.has(input.type)) last = now();
    },
    consume() {
      const fresh = last !== null && now() - last <= GESTURE_WINDOW_MS;
      last = null;
      return fresh;
    },
  };
}
