import { contextBridge, ipcRenderer } from 'electron';
import {
  CANCEL_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  electronCallIdSchema,
  type PreloadBridge,
} from '../shared/ipc/bridge-protocol';
import { isCallName, isEventName } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';

/**
 * The whole surface the page gets: invoke a contract call, cancel one it made, subscribe to
 * a contract event.
 * No raw ipcRenderer, no Node, no shell. Main checks every call again (sender, input);
 * refusing unknown names here just keeps junk off the channel.
 */
const refuse = (what: string): Result<never> => ({
  ok: false,
  error: { code: 'VALIDATION_ERROR', message: what, field: 'name' },
});

const listeners = new Map<string, Set<(payload: unknown) => void>>();

// One channel listener for all subscriptions. The Electron event object carries `sender`
// (the ipcRenderer itself), so it is dropped here: the page only ever sees the payload.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const l of listeners.get(name) ?? []) {
    try {
      l(payload);
    } catch (e) {
      console.error(`[mockdeck] listener for "${name}" threw`, e);
    }
  }
});

const bridge: PreloadBridge = {
  invoke(name, input, opts) {
    if (!isCallName(name)) return Promise.resolve(refuse(`unknown call "${String(name).slice(0, 100)}"`));
    const callId = electronCallIdSchema.safeParse(opts?.callId);
    const args = callId.success ? [name, input, callId.data] : [name, input];
    return ipcRenderer.invoke(INVOKE_CHANNEL, ...args) as Promise<Result<unknown>>;
  },
  cancel(callId) {
    const id = electronCallIdSchema.safeParse(callId);
    // Fire and forget: the cancelled call's own invoke carries the outcome.
    if (id.success) void ipcRenderer.invoke(CANCEL_CHANNEL, id.data).catch(() => {});
  },
  on(name, listener) {
    if (!isEventName(name)) throw new Error(`unknown event "${String(name).slice(0, 100)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('mockdeck', bridge);
