import type { MockDeckApi } from '../../../shared/ipc/contract';
import { createElectronApi } from './electron-bridge';
import { createWebBridgeClient, readBridgeParams } from './web-bridge-client';

export { ApiError } from './api-error';

let cached: MockDeckApi | null = null;

/**
 * The API this page talks to: the Electron preload's when running in the desktop app,
 * otherwise the loopback web bridge named in the page URL (`?bridge=…&token=…`), which is
 * how the tests run the real renderer in a plain browser.
 */
export function getApi(): MockDeckApi {
  if (cached) return cached;
  if (typeof window !== 'undefined' && window.mockdeck) {
    cached = createElectronApi(window.mockdeck);
    return cached;
  }
  const params = bridgeParams();
  if (params) {
    cached = createWebBridgeClient(params);
    return cached;
  }
  throw new Error(
    'MockDeck API unavailable: open this page inside the MockDeck app, or with ?bridge=ws://127.0.0.1:PORT&token=TOKEN from the web harness.',
  );
}

const STORAGE_KEY = 'mockdeck.bridge';

/**
 * The page query names the bridge; it is also kept for the tab's session so a reload after
 * client-side navigation (which may drop the query) still finds it.
 */
function bridgeParams(): { url: string; token: string } | null {
  if (typeof location === 'undefined') return null;
  const fromQuery = readBridgeParams(location.search);
  try {
    if (fromQuery) {
      sessionStorage.setItem(
        STORAGE_KEY,
        new URLSearchParams({ bridge: fromQuery.url, token: fromQuery.token }).toString(),
      );
      return fromQuery;
    }
    const saved = sessionStorage.getItem(STORAGE_KEY);
    return saved ? readBridgeParams(`?${saved}`) : null;
  } catch {
    return fromQuery; // storage can be disabled; the query alone still works
  }
}
