import { CANCEL_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL, electronCallIdSchema } from '../../shared/ipc/bridge-protocol';
import type { Result } from '../../shared/ipc/result';
import type { EventSource } from '../core/events/event-hub';
import type { Dispatcher } from '../core/handlers/router';
import { consoleLogger, type Logger } from '../core/util/logger';
import { checkSender, type InvokeEventLike } from './sender-guard';

/**
 * Serves the handler table over Electron IPC: one invoke channel, one event channel.
 * Takes interfaces rather than electron's modules so it runs (and is tested) in plain Node.
 */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface ElectronTransportOptions {
  ipcMain: IpcMainLike;
  dispatcher: Dispatcher;
  events?: EventSource;
  /** The app window's webContents, or null while none is open. */
  appWebContents: () => WebContentsLike | null;
  isAppUrl: (url: string) => boolean;
  logger?: Logger;
}

export const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'call refused: it did not come from the MockDeck window' },
};

export function attachElectronTransport(opts: ElectronTransportOptions): { detach(): void } {
  const logger = opts.logger ?? consoleLogger;
  const liveContents = (): WebContentsLike | null => {
    const wc = opts.appWebContents();
    return wc && !wc.isDestroyed() ? wc : null;
  };

  const senderOk = (event: InvokeEventLike) =>
    checkSender(event, { appWebContentsId: () => liveContents()?.id ?? null, isAppUrl: opts.isAppUrl });
  // Calls the page may still cancel, by `<webContents id>:<call id>`.
  const inFlight = new Map<string, AbortController>();

  opts.ipcMain.handle(INVOKE_CHANNEL, async (event, name, input, callId) => {
    const verdict = senderOk(event);
    if (!verdict.ok) {
      logger.warn(`IPC call ${typeof name === 'string' ? `"${name.slice(0, 100)}" ` : ''}refused: ${verdict.reason}`);
      return REFUSED;
    }
    const id = electronCallIdSchema.safeParse(callId);
    if (!id.success) return opts.dispatcher.dispatch(name, input);
    const key = `${event.sender.id}:${id.data}`;
    const controller = new AbortController();
    inFlight.set(key, controller);
    try {
      return await opts.dispatcher.dispatch(name, input, { signal: controller.signal });
    } finally {
      if (inFlight.get(key) === controller) inFlight.delete(key);
    }
  });

  opts.ipcMain.handle(CANCEL_CHANNEL, (event, callId) => {
    const id = electronCallIdSchema.safeParse(callId);
    if (!senderOk(event).ok || !id.success) return false;
    const controller = inFlight.get(`${event.sender.id}:${id.data}`);
    controller?.abort();
    return controller !== undefined;
  });

  const unsubscribe = opts.events?.subscribe((name, payload) => {
    liveContents()?.send(EVENT_CHANNEL, name, payload);
  });

  return {
    detach() {
      unsubscribe?.();
      opts.ipcMain.removeHandler(INVOKE_CHANNEL);
      opts.ipcMain.removeHandler(CANCEL_CHANNEL);
      for (const c of inFlight.values()) c.abort();
    },
  };
}
