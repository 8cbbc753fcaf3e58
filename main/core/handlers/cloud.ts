import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { Cloud } from '../cloud/cloud';
import { registerCloudAccountHandlers } from './cloud-account';
import { registerCloudAccountDataHandlers } from './cloud-account-data';
import { registerCloudSyncHandlers } from './cloud-sync';
import { registerCloudTeamHandlers } from './cloud-team';
import { registerMarketplaceHandlers } from './marketplace';
import type { Router } from './router';

/** Every cloud call. Handlers reach the Cloud through their context: `ctx.core.cloud()` (main/core/app.ts builds it). */
export function registerCloudHandlers(router: Router): void {
  registerCloudAccountHandlers(router);
  registerCloudSyncHandlers(router);
  registerCloudTeamHandlers(router);
  registerMarketplaceHandlers(router);
  registerCloudAccountDataHandlers(router);
}

/** Forwards the cloud's events to a transport (e.g. EventHub.emit); returns the unsubscribe. */
export function bridgeCloudEvents(
  cloud: Cloud,
  emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void,
): () => void {
  const offs = [
    cloud.on('sync.progress', (p) => emit('sync.progress', p)),
    cloud.on('cloud.authChanged', (s) => emit('cloud.authChanged', s)),
  ];
  return () => offs.forEach((off) => off());
}
