import type { PreloadBridge } from '../../../shared/ipc/bridge-protocol';
import type { MockDeckApi } from '../../../shared/ipc/contract';
import { unwrapResult } from './api-error';

declare global {
  interface Window {
    /** Exposed by preload/index.ts inside the Electron window only. */
    mockdeck?: PreloadBridge;
  }
}

/** The typed API over what the Electron preload exposes. */
export function createElectronApi(bridge: PreloadBridge): MockDeckApi {
  return {
    // The contract types the call; the preload carries it untyped, main validates it.
    invoke: (async (name: string, input: unknown) =>
      unwrapResult(await bridge.invoke(name, input))) as MockDeckApi['invoke'],
    on: ((name: string, listener: (payload: unknown) => void) => bridge.on(name, listener)) as MockDeckApi['on'],
  };
}
