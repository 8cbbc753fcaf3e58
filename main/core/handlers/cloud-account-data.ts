import type { Router } from './router';

/** account.usageHistory/upgrade/exportData/deleteData, help.*, cloud.serviceStatus (shared/ipc/cloud-account.ts). */
export function registerCloudAccountDataHandlers(router: Router): void {
  router
    .handle('account.usageHistory', async ({ months }, { core }) =>
      (await core.cloud()).accountService.usageHistory(months),
    )
    .handle('account.upgrade', async ({ plan }, { core, signal }) =>
      (await core.cloud()).accountService.upgrade(plan, signal),
    )
    .handle('account.exportData', async (_i, { core }) => (await core.cloud()).accountService.exportData())
    .handle('account.deleteData', async (_i, { core }) => (await core.cloud()).accountService.deleteData())
    .handle('help.legal', async ({ doc }, { core }) => (await core.cloud()).accountService.legal(doc))
    .handle('help.faq', async (_i, { core }) => (await core.cloud()).accountService.faq())
    .handle('help.contact', async (input, { core }) => (await core.cloud()).accountService.contactSupport(input))
    .handle('cloud.serviceStatus', async (_i, { core }) => (await core.cloud()).accountService.serviceStatus());
}
