/**
 * Who may call main over IPC: the top frame of the app's own window, showing an app page.
 * Checking the channel alone is not enough: a subframe or a page the window was tricked
 * into loading would otherwise reach every handler (VS Code checks exactly this).
 */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  /** null when the frame navigated away or was destroyed before the call arrived. */
  readonly senderFrame: FrameLike | null;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export interface SenderGuardOptions {
  /** The app window's webContents id, or null while no window is open. */
  appWebContentsId: () => number | null;
  isAppUrl: (url: string) => boolean;
}

export function checkSender(event: InvokeEventLike, opts: SenderGuardOptions): SenderVerdict {
  const expected = opts.appWebContentsId();
  if (expected === null) return { ok: false, reason: 'no app window is open' };
  if (event.sender.id !== expected)
    return { ok: false, reason: `sender webContents ${event.sender.id} is not the app window's` };
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'the sending frame is gone' };
  if (frame.parent !== null) return { ok: false, reason: `a subframe (${describe(frame.url)}) is not allowed to call` };
  if (!opts.isAppUrl(frame.url)) return { ok: false, reason: `origin ${describe(frame.url)} is not the app's` };
  return { ok: true };
}

/** Enough of a URL for a log line, without query strings that might hold secrets. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? `file://${u.pathname}` : u.origin;
  } catch {
    return JSON.stringify(url.slice(0, 80));
  }
}
