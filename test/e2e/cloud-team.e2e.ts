import type { Page } from '@playwright/test';
import type { CloudServerHandle } from '../cloud-server';
import { SEED_PASSWORD } from '../cloud-server/team/seed';
import { cloudServerFixture } from './support/cloud-server';
import { test as appTest, expect } from './support/fixtures';
import { shotsAtSizes } from './support/cloud-shots';
import { shot } from './support/ui';

/**
 * Team, roles, profile and audit log against the contract server's seeded team ("Acme Corp":
 * owner, admin, member and a week of audit events).
 */
const test = appTest.extend<object, { cloud: CloudServerHandle }>({
  cloud: cloudServerFixture({ seed: 'team', rateLimitPerMinute: 100_000 }),
});

/** Opens the Cloud screens signed in as `email` (signing out of anyone else first), in Acme Corp. */
async function signIn(page: Page, url: string, email: string): Promise<void> {
  const cloud = page.getByRole('region', { name: 'Cloud' });
  // The nav button toggles, and the app reopens where the last test left it.
  if (!(await cloud.isVisible())) await page.getByRole('button', { name: 'Cloud', exact: true }).click();
  await expect(cloud).toBeVisible();
  const signOut = cloud.getByRole('button', { name: 'Sign out' });
  await expect(cloud.getByText(/Signed in|Not signed in/).first()).toBeVisible();
  const already = (await signOut.isVisible()) && (await cloud.getByText(`(${email})`).isVisible());
  if (!already && (await signOut.isVisible())) {
    await signOut.click();
    await page
      .getByRole('dialog', { name: 'Sign out of the cloud?' })
      .getByRole('button', { name: 'Sign out' })
      .click();
  }
  if (!already) {
    const server = page.getByRole('form', { name: 'Cloud server' });
    if ((await server.getByLabel('Cloud URL').inputValue()) !== url) {
      await server.getByLabel('Cloud URL').fill(url);
      await server.getByRole('button', { name: 'Use this server' }).click();
      await expect(cloud.getByText(url)).toBeVisible();
    }
    const login = cloud.getByRole('form', { name: 'Sign in' });
    await login.getByLabel('Email').fill(email);
    await login.getByLabel('Password').fill(SEED_PASSWORD);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect(cloud.getByText(`(${email})`)).toBeVisible();
  }
  const org = cloud.getByLabel('Organization');
  await expect(org.locator('option', { hasText: 'Acme Corp' })).toHaveCount(1);
  await org.selectOption({ label: 'Acme Corp · team' });
  // Busy while switching: screens opened after this act in Acme Corp.
  await expect(org).toBeEnabled();
  await expect(cloud.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** What an invitee does: create an account with the invited address and sign in (GET /auth/me). */
async function acceptInvitation(url: string, email: string): Promise<void> {
  const reg = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: email.split('@')[0], email, password: 'invitee-password' }),
  });
  const { token } = (await reg.json()) as { token: string };
  const me = await fetch(`${url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
}

test('invite a member, see them join, change their role, remove them; edit your name', async ({ app: page, cloud }) => {
  await signIn(page, cloud.url, 'owner@acme.test');
  const view = page.getByRole('region', { name: 'Cloud' });
  await page.getByRole('tab', { name: 'Team' }).click();
  await expect(view.getByRole('heading', { name: 'Team: Acme Corp' })).toBeVisible();
  const members = view.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row')).toHaveCount(4);
  await expect(members.getByRole('row', { name: /Olivia Owner/ })).toContainText('Owner');

  // Profile: the display name, edited in place.
  const profile = view.getByRole('region', { name: 'Your profile' });
  await expect(profile.getByTestId('profile-name')).toHaveText('Olivia Owner');
  await expect(profile).toContainText('Owner of Acme Corp');
  await profile.getByRole('button', { name: 'Edit name' }).click();
  await profile.getByLabel('First name').fill('');
  await profile.getByLabel('Last name').fill('');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(profile.getByText('Give a first name, a last name or both')).toBeVisible();
  await profile.getByLabel('First name').fill('Liv');
  await profile.getByLabel('Last name').fill('Owner');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(profile.getByTestId('profile-name')).toHaveText('Liv Owner');

  // Invite: checked before sending, then a pending invitation.
  const invite = view.getByRole('region', { name: 'Invite people' });
  await invite.getByLabel('Email').fill('dana');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText('This is not an email address')).toBeVisible();
  await invite.getByLabel('Email').fill('member@acme.test');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('alert')).toContainText('"member@acme.test" is already a member of "Acme Corp".');
  await expect(invite.getByRole('alert')).toContainText('Change their role in the member list');
  await invite.getByRole('button', { name: 'Dismiss error' }).click();
  await invite.getByLabel('Email').fill('dana@example.com');
  await invite.getByLabel('Role').selectOption('Member');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toContainText('Invited dana@example.com as Member · pending');

  await acceptInvitation(cloud.url, 'dana@example.com');
  await view.getByRole('button', { name: 'Refresh' }).click();
  const dana = members.getByRole('row', { name: /dana@example\.com/ });
  await expect(dana).toBeVisible();
  await expect(dana.getByLabel('Role of dana@example.com')).toHaveValue('org:member');

  // Change the role.
  await dana.getByLabel('Role of dana@example.com').selectOption('Admin');
  await expect(view.getByRole('status').filter({ hasText: 'is now admin' })).toBeVisible();
  await expect(dana.getByLabel('Role of dana@example.com')).toHaveValue('org:admin');
  const after = await fetch(
    `${cloud.url}/api/v1/organizations/${cloud.seeded.team!.orgId}/audit-logs?event_type=member_role_changed`,
    {
      headers: { authorization: `Bearer ${await ownerToken(cloud.url)}` },
    },
  );
  expect(((await after.json()) as Array<{ metadata: { email: string; to: string } }>)[0]!.metadata).toMatchObject({
    email: 'dana@example.com',
    to: 'org:admin',
  });
  await shotsAtSizes(page, 'cloud-team');

  // The owner's role is fixed; removing asks first.
  await expect(members.getByRole('row', { name: /Liv Owner/ }).getByRole('button', { name: /Remove/ })).toHaveCount(0);
  await dana.getByRole('button', { name: 'Remove dana@example.com' }).click();
  const confirm = page.getByRole('dialog', { name: /Remove/ });
  await expect(confirm).toContainText('dana@example.com will lose access');
  await confirm.getByRole('button', { name: 'Remove member' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'was removed' })).toBeVisible();
  await expect(members.getByRole('row', { name: /dana@example\.com/ })).toHaveCount(0);

  // A new organization: a taken slug is explained, then it is created and switched to.
  await view.getByRole('button', { name: 'New organization' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await dialog.getByLabel('Name').fill('Liv Labs');
  await dialog.getByLabel('Slug (optional)').fill('acme-corp');
  await dialog.getByRole('button', { name: 'Create and switch' }).click();
  await expect(dialog.getByText('The organization slug "acme-corp" is already taken.')).toBeVisible();
  await shot(page, 'cloud-new-org');
  await dialog.getByLabel('Slug (optional)').fill('liv-labs');
  await dialog.getByRole('button', { name: 'Create and switch' }).click();
  await expect(view.getByRole('heading', { name: 'Team: Liv Labs' })).toBeVisible();
  await expect(view.getByLabel('Organization')).toHaveValue(
    (
      (await (
        await fetch(`${cloud.url}/api/v1/organizations`, {
          headers: { authorization: `Bearer ${await ownerToken(cloud.url)}` },
        })
      ).json()) as Array<{ id: string; slug: string }>
    ).find((o) => o.slug === 'liv-labs')!.id,
  );
  await expect(members.getByRole('row')).toHaveCount(2);
});

async function ownerToken(url: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@acme.test', password: SEED_PASSWORD }),
  });
  return ((await r.json()) as { token: string }).token;
}

test('read the audit log with filters; a member sees why team actions are closed to them', async ({
  app: page,
  cloud,
}) => {
  await signIn(page, cloud.url, 'owner@acme.test');
  const view = page.getByRole('region', { name: 'Cloud' });
  await page.getByRole('tab', { name: 'Audit log' }).click();
  const table = view.getByRole('table', { name: 'Audit events' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Newest first: the seeded week ends with a project update.
  await expect(table.getByRole('row').last()).toContainText('organization_created');

  await view.getByLabel('Event type').fill('billing_checkout');
  await view.getByRole('button', { name: 'Apply' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  const checkout = table.getByRole('row').nth(1);
  await expect(checkout).toContainText('Checkout session created for team plan');
  await expect(checkout.getByRole('definition').filter({ hasText: 'cs_seed_1' })).toBeVisible();
  await expect(checkout.getByRole('term').filter({ hasText: 'session_id' })).toBeVisible();
  await expect(checkout).toContainText(/Olivia Owner|Liv Owner/);

  await view.getByRole('button', { name: 'Clear filters' }).click();
  await view.getByLabel('Who').selectOption({ label: 'Adam Admin' });
  await expect(table.getByRole('row').filter({ hasText: 'token_created' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'billing_checkout' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'token_created' })).toContainText('read, write');
  await shotsAtSizes(page, 'cloud-audit');
  // Nothing matching is said so, not an empty table.
  await view.getByLabel('Event type').fill('no_such_event');
  await view.getByRole('button', { name: 'Apply' }).click();
  await expect(view.getByText('No events match these filters.')).toBeVisible();
  await shotsAtSizes(page, 'cloud-audit-empty');

  // A member: the team is read-only with the reason, and the audit log says who may read it.
  await signIn(page, cloud.url, 'member@acme.test');
  await page.getByRole('tab', { name: 'Team' }).click();
  await expect(view.getByTestId('team-readonly-reason')).toContainText(
    'Only admins and the owner of Acme Corp can invite people, change roles or remove members; you are a member.',
  );
  await expect(view.getByRole('region', { name: 'Invite people' })).toHaveCount(0);
  await expect(view.getByLabel('Role of admin@acme.test')).toBeDisabled();
  await expect(view.getByRole('button', { name: 'Remove admin@acme.test' })).toBeDisabled();
  await shotsAtSizes(page, 'cloud-team-member');
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(view.getByRole('alert')).toContainText(
    'Only admins and the owner of "Acme Corp" can read the audit log; you are a member.',
  );
  // A refusal is not an outage, and the owner's earlier pages are not shown under it.
  await expect(view.getByRole('button', { name: /Is the cloud down/ })).toHaveCount(0);
  await expect(view.getByText('No events match these filters.')).toHaveCount(0);
  await expect(view.getByRole('table', { name: 'Audit events' })).toHaveCount(0);
  await shotsAtSizes(page, 'cloud-audit-member');
});
