import type { PreloadBridge } from '../../../shared/ipc/bridge-protocol';
import type { MockDeckApi } from '../../../shared/ipc/contract';
import { cancelledBeforeSent, unwrapResult } from './api-error';

declare global {
  interface Window {
    /** Exposed by preload/index.ts inside the Electron window only. */
    mockdeck?: PreloadBridge;
  }
}

let lastCallId = 0;

/** The typed API over what the Electron preload exposes. */
export function createElectronApi(bridge: PreloadBridge): MockDeckApi {
  // The contract types the call; the preload carries it untyped, main validates it.
  const invoke = async (name: string, input: unknown, opts?: { signal?: AbortSignal }): Promise<unknown> => {
    const signal = opts?.signal;
    if (!signal) return unwrapResult(await bridge.invoke(name, input));
    if (signal.aborted) throw cancelledBeforeSent();
    // Unique within this page, which is all main needs: it keys calls by window and id.
    const callId = `c${++lastCallId}`;
    const cancel = (): void => bridge.cancel(callId);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return unwrapResult(await bridge.invoke(name, input, { callId }));
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
  return {
    invoke: invoke as MockDeckApi['invoke'],
    on: ((name: string, listener: (payload: unknown) => void) => bridge.on(name, listener)) as MockDeckApi['on'],
  };
}
