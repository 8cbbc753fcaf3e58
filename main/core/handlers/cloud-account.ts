import { cloudFor } from '../cloud/registry';
import type { Router } from './router';

/** cloud.*, secrets.mode, auth.*, orgs.*, tokens.*, account.get */
export function registerCloudAccountHandlers(router: Router): void {
  router
    .handle('cloud.status', async (_i, { core }) => (await cloudFor(core.catalog)).status())
    .handle('cloud.setBaseUrl', async ({ url }, { core }) => (await cloudFor(core.catalog)).setBaseUrl(url))
    .handle('secrets.mode', async (_i, { core }) => (await cloudFor(core.catalog)).secretsMode())
    .handle('auth.register', async (input, { core }) => (await cloudFor(core.catalog)).session.register(input))
    .handle('auth.login', async (input, { core }) => (await cloudFor(core.catalog)).session.login(input))
    .handle('auth.loginOAuth', async ({ provider }, { core }) => (await cloudFor(core.catalog)).loginOAuth(provider))
    .handle('auth.logout', async (_i, { core }) => (await cloudFor(core.catalog)).session.logout())
    .handle('orgs.list', async (_i, { core }) => (await cloudFor(core.catalog)).organizations())
    .handle('orgs.select', async ({ id }, { core }) => (await cloudFor(core.catalog)).selectOrg(id))
    .handle('tokens.list', async (_i, { core }) => (await cloudFor(core.catalog)).listTokens())
    .handle('tokens.create', async (input, { core }) =>
      (await cloudFor(core.catalog)).createToken({
        name: input.name,
        scopes: input.scopes,
        ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
      }),
    )
    .handle('tokens.rotate', async ({ id, newName, deleteOld }, { core }) =>
      (await cloudFor(core.catalog)).rotateToken(id, { deleteOld, ...(newName ? { newName } : {}) }),
    )
    .handle('tokens.delete', async ({ id }, { core }) => (await cloudFor(core.catalog)).deleteToken(id))
    .handle('account.get', async (_i, { core }) => (await cloudFor(core.catalog)).account());
}
