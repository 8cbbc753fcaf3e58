import type { Router } from './router';

/** cloud.*, secrets.mode, auth.*, orgs.*, tokens.*, account.get */
export function registerCloudAccountHandlers(router: Router): void {
  router
    .handle('cloud.status', async (_i, { core }) => (await core.cloud()).status())
    .handle('cloud.setBaseUrl', async ({ url }, { core }) => (await core.cloud()).setBaseUrl(url))
    .handle('secrets.mode', async (_i, { core }) => (await core.cloud()).secretsMode())
    .handle('auth.register', async (input, { core }) => (await core.cloud()).session.register(input))
    .handle('auth.login', async (input, { core }) => (await core.cloud()).session.login(input))
    .handle('auth.loginOAuth', async ({ provider }, { core }) => (await core.cloud()).loginOAuth(provider))
    .handle('auth.logout', async (_i, { core }) => (await core.cloud()).session.logout())
    .handle('orgs.list', async (_i, { core }) => (await core.cloud()).organizations())
    .handle('orgs.select', async ({ id }, { core }) => (await core.cloud()).selectOrg(id))
    .handle('tokens.list', async (_i, { core }) => (await core.cloud()).listTokens())
    .handle('tokens.create', async (input, { core }) =>
      (await core.cloud()).createToken({
        name: input.name,
        scopes: input.scopes,
        ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
      }),
    )
    .handle('tokens.rotate', async ({ id, newName, deleteOld }, { core }) =>
      (await core.cloud()).rotateToken(id, { deleteOld, ...(newName ? { newName } : {}) }),
    )
    .handle('tokens.delete', async ({ id }, { core }) => (await core.cloud()).deleteToken(id))
    .handle('account.get', async (_i, { core }) => (await core.cloud()).account());
}
