import type { Router } from './router';

/** profile.*, team.*, audit.list: the cloud's team use cases (main/core/cloud/team). */
export function registerCloudTeamHandlers(router: Router): void {
  router
    .handle('profile.get', async (_i, { core }) => (await core.cloud()).team.profile())
    .handle('profile.update', async (patch, { core }) => (await core.cloud()).team.updateProfile(patch))
    .handle('team.createOrg', async (input, { core }) => (await core.cloud()).team.createOrg(input))
    .handle('team.get', async (page, { core }) => (await core.cloud()).team.team(page))
    .handle('team.invite', async ({ email, role }, { core }) => (await core.cloud()).team.invite(email, role))
    .handle('team.setRole', async ({ member, role }, { core }) => (await core.cloud()).team.setRole(member, role))
    .handle('team.remove', async ({ member }, { core }) => (await core.cloud()).team.remove(member))
    .handle('audit.list', async (q, { core }) => (await core.cloud()).team.audit(q));
}
