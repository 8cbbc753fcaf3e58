import type { Page } from '@playwright/test';
import type { CloudServerHandle } from '../cloud-server';
import { cloudServerFixture } from './support/cloud-server';
import { test as appTest, expect, uniqueName } from './support/fixtures';
import { nextOpenedUrl, openedUrls } from './support/opened-urls';
import { addResponse, createMock, createProject, shot } from './support/ui';

/**
 * The Cloud screens against the contract server: sign-in, API tokens, one-click deploy and a
 * real request to the deployed URL, deployment metrics and the account page. The harness
 * keeps secrets in memory only, so nothing reaches a real keychain.
 */
const test = appTest.extend<object, { cloud: CloudServerHandle }>({
  cloud: cloudServerFixture({ deployReadyAfterMs: 200 }),
});

async function openCloud(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Cloud', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Cloud' })).toBeVisible();
}

/** Points the app at the contract server; a change of server signs out of the previous one. */
async function useServer(page: Page, url: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Cloud server' });
  if ((await form.getByLabel('Cloud URL').inputValue()) === url) return; // an earlier test in this worker set it
  await form.getByLabel('Cloud URL').fill(url);
  await form.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByRole('region', { name: 'Cloud' }).getByText(url)).toBeVisible();
}

async function signOutIfNeeded(page: Page): Promise<void> {
  const cloud = page.getByRole('region', { name: 'Cloud' });
  const signOut = cloud.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) {
    await signOut.click();
    await page
      .getByRole('dialog', { name: 'Sign out of the cloud?' })
      .getByRole('button', { name: 'Sign out' })
      .click();
  }
  await expect(cloud.getByRole('form', { name: 'Sign in' })).toBeVisible();
}

test('sign-in forms check input before sending and explain a refused login', async ({ app: page, cloud, harness }) => {
  await openCloud(page);
  await signOutIfNeeded(page);
  await useServer(page, cloud.url);
  // Where secrets live is stated up front: the harness runs session-only.
  await expect(page.getByTestId('secrets-mode')).toContainText('Secrets are kept for this session only');

  const usersBefore = cloud.inspect.users().length;
  await page.getByRole('tab', { name: 'Create account' }).click();
  const register = page.getByRole('form', { name: 'Create account' });
  await register.getByLabel('Username').fill('ab');
  await register.getByLabel('Email').fill('not-an-email');
  await register.getByLabel('Password').fill('short');
  await register.getByRole('button', { name: 'Create account' }).click();
  await expect(register.getByText('Username needs at least 3 characters')).toBeVisible();
  await expect(register.getByText('Enter a valid email address, like you@example.com')).toBeVisible();
  await expect(register.getByText('Password needs at least 8 characters')).toBeVisible();
  expect(cloud.inspect.users()).toHaveLength(usersBefore); // nothing was sent

  await page.getByRole('tab', { name: 'Sign in' }).click();
  const login = page.getByRole('form', { name: 'Sign in' });
  await login.getByLabel('Email').fill('nobody@example.com');
  await login.getByLabel('Password').fill('wrong-password');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const alert = login.getByRole('alert');
  await expect(alert).toContainText('The cloud did not accept your sign-in: Invalid email or password');
  await expect(alert).toContainText('Check the email and password');

  // The lockout after repeated failures says what happened and until when, not a bare 429.
  await login.getByLabel('Email').fill('locked@example.com');
  for (let i = 0; i < 5; i++) {
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toContainText('Invalid email or password');
    await login.getByRole('button', { name: 'Dismiss error' }).click();
  }
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toContainText('Sign-in is locked after too many failed attempts');
  await expect(alert).toContainText(/5 wrong passwords in 15 minutes\. Try again after \d{1,2}:\d{2}/);
  await shot(page, 'cloud-signin');
  await login.getByRole('button', { name: 'Dismiss error' }).click();
  // The IP-wide lockout would otherwise carry over into the next test.
  await fetch(`${cloud.url}/__control/reset-limits`, { method: 'POST' });

  // Browser sign-in: the harness records the URL handed to the system browser; visiting it
  // (the contract server's fake provider approves at once) brings the browser back signed in.
  const before = openedUrls(harness).length;
  await page.getByRole('button', { name: 'Sign in with GitHub' }).click();
  const authorize = await nextOpenedUrl(harness, /\/api\/v1\/auth\/oauth\/github\/authorize\?/, before);
  expect((await fetch(authorize)).status).toBe(200);
  await expect(page.getByRole('region', { name: 'Cloud' }).getByText(/^Signed in as /)).toBeVisible();
});

test('register → API token shown once → deploy a project → call its public URL', async ({ app: page, api, cloud }) => {
  test.setTimeout(120_000);
  const user = `dev${Date.now().toString(36)}`;
  const email = `${user}@example.com`;
  const password = 'correct horse battery';

  await openCloud(page);
  await signOutIfNeeded(page);
  await useServer(page, cloud.url);
  await page.getByRole('tab', { name: 'Create account' }).click();
  const register = page.getByRole('form', { name: 'Create account' });
  await register.getByLabel('Username').fill(user);
  await register.getByLabel('Email').fill(email);
  await register.getByLabel('Password').fill(password);
  await register.getByRole('button', { name: 'Create account' }).click();
  const cloudView = page.getByRole('region', { name: 'Cloud' });
  await expect(cloudView.getByText(`Signed in as ${user} (${email})`)).toBeVisible();
  await expect(page.getByTestId('cloud-nav-status')).toContainText(`Signed in as ${user}`);

  // API token: the full value once, then only the masked prefix.
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await expect(cloudView.getByText('No API tokens yet')).toBeVisible();
  await cloudView.getByRole('button', { name: 'New token' }).click();
  const create = page.getByRole('dialog', { name: 'New API token' });
  await create.getByRole('button', { name: 'Create token' }).click();
  await expect(create.getByText(/Name is required/)).toBeVisible();
  await create.getByLabel('Token name').fill('GitHub Actions');
  await create.getByRole('checkbox', { name: /^admin/ }).check();
  await create.getByRole('button', { name: 'Create token' }).click();
  const reveal = page.getByRole('dialog', { name: 'Your new API token' });
  await expect(reveal.getByText('You won’t see it again', { exact: false })).toBeVisible();
  const full = (await reveal.getByTestId('new-token-value').textContent()) ?? '';
  expect(full).toMatch(/^mfx_[A-Za-z0-9_-]{32}$/);
  await reveal.getByRole('button', { name: 'Copy token' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full);
  await shot(page, 'cloud-tokens-new');
  await reveal.getByRole('button', { name: 'I have copied it' }).click();
  await expect(reveal).toBeHidden();
  const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: 'GitHub Actions' });
  await expect(row).toContainText('read');
  await expect(row).toContainText('admin');
  const masked = (await row.getByTestId('token-masked').textContent()) ?? '';
  expect(masked).toContain(full.slice(0, 8));
  expect(masked).not.toContain(full.slice(8));
  await expect(page.getByText(full)).toHaveCount(0);
  expect(await page.content()).not.toContain(full);
  await shot(page, 'cloud-tokens');

  // A project with one mock, made through the UI; picking it leaves the Cloud screens.
  const name = uniqueName('Orders');
  await createProject(page, name);
  await createMock(page, { name: 'List orders', path: '/orders' });
  await addResponse(page, { name: 'Two orders', body: '{"orders":[1,2]}' });

  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  const deploy = page.getByRole('dialog', { name: `Deploy “${name}”` });
  await expect(deploy.getByTestId('deployed-url')).toBeVisible({ timeout: 30_000 });
  const url = (await deploy.getByTestId('deployed-url').textContent()) ?? '';
  expect(url).toMatch(new RegExp(`^${cloud.url}/hosted/${user}/orders-`));
  await shot(page, 'cloud-deploy');

  const res = await fetch(`${url}/orders`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ orders: [1, 2] });
  await fetch(`${url}/missing`); // a 404, so the chart has two bars

  await deploy.getByRole('button', { name: 'Open deployments' }).click();
  const table = page.getByRole('table', { name: 'Deployments' });
  const depRow = table.getByRole('row').filter({ hasText: name });
  await expect(depRow.getByTestId('deployment-status')).toContainText('active');
  await expect(depRow.getByTestId('deployment-status')).toContainText('healthy');
  await expect(depRow.getByTestId('deployment-url')).toHaveText(url);
  const detail = page.getByRole('region', { name: `Deployment ${name}` });
  await expect(detail.getByTestId('metric-requests')).toHaveText('2');
  await expect(detail.getByRole('img', { name: /Responses by status code: 200: 1, 404: 1/ })).toBeVisible();
  await detail.getByLabel('Log level').selectOption('warn');
  await expect(detail.getByRole('list', { name: 'Deployment logs' }).getByRole('listitem')).toHaveCount(1);
  await shot(page, 'cloud-deployments');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'cloud-deployments-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Stop makes the URL answer 404 DEPLOYMENT_STOPPED; start brings it back.
  await depRow.getByRole('button', { name: `Stop ${name}` }).click();
  await expect(depRow.getByTestId('deployment-status')).toContainText('stopped');
  expect((await fetch(`${url}/orders`)).status).toBe(404);
  await depRow.getByRole('button', { name: `Start ${name}` }).click();
  await expect(depRow.getByTestId('deployment-status')).toContainText('active');
  expect((await fetch(`${url}/orders`)).status).toBe(200);

  // A conflict: the mock's description changes here and, through the API token, in the cloud.
  const local = (await api.invoke('projects.list', { search: name }))[0]!;
  const localMock = (await api.invoke('mocks.list', { projectId: local.id }))[0]!;
  await api.invoke('mocks.update', { id: localMock.id, patch: { description: 'Mine: paginated' } });
  const remote = (cloud.inspect.projects() as { project_id: string; slug: string }[]).find(
    (p) => p.slug === local.slug,
  )!;
  const remoteMock = (cloud.inspect.mocks(remote.project_id) as { mock_id: string }[])[0]!;
  const put = await fetch(`${cloud.url}/api/v1/mocks/${remoteMock.mock_id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${full}`, 'content-type': 'application/json' },
    body: JSON.stringify({ description: 'Theirs: sorted by date' }),
  });
  expect(put.status).toBe(200);

  await page.getByRole('tab', { name: 'Sync' }).click();
  await expect(cloudView.getByTestId('sync-pending')).toHaveText('1');
  await cloudView.getByRole('button', { name: 'Sync now' }).click();
  await expect(cloudView.getByRole('status').filter({ hasText: 'Sync finished' })).toContainText('1 conflict');
  // The project itself says it has a conflict waiting, in the project list.
  await expect(page.getByRole('navigation', { name: 'Projects' }).getByTestId('project-conflict')).toContainText(
    '1 sync conflict',
  );
  const conflict = cloudView.getByRole('listitem', { name: /^Conflict: / });
  const descRow = conflict.getByRole('row', { name: /description/ });
  await expect(descRow).toContainText('Mine: paginated');
  await expect(descRow).toContainText('Theirs: sorted by date');
  await shot(page, 'cloud-sync');
  await expect(conflict).toHaveCount(1);
  await conflict.getByRole('button', { name: /^Keep theirs for / }).click();
  await expect(conflict).toBeHidden();
  await expect(cloudView.getByText('No conflicts')).toBeVisible();
  await cloudView.getByRole('button', { name: 'Sync to apply' }).click();
  await expect(cloudView.getByRole('status').filter({ hasText: 'Sync finished' })).toContainText('1 received');
  expect((await api.invoke('mocks.list', { projectId: local.id }))[0]!.description).toBe('Theirs: sorted by date');

  // A sync the cloud holds up can be cancelled from the screen: main stops it and says so.
  cloud.faults.set({ slowMs: 30_000, pathPattern: '^/api/v1/projects$' });
  await cloudView.getByRole('button', { name: 'Sync now' }).click();
  await cloudView.getByRole('button', { name: 'Cancel sync' }).click();
  await expect(cloudView.getByText('the sync was cancelled').first()).toBeVisible();
  await expect(cloudView.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await expect(cloudView.getByRole('button', { name: 'Cancel sync' })).toBeHidden();
  cloud.faults.reset();

  await page.getByRole('tab', { name: 'Account' }).click();
  await expect(page.getByTestId('account-plan')).toHaveText('pro');
  await expect(page.getByRole('meter', { name: 'Requests to hosted mocks' })).toBeVisible();
  await shot(page, 'cloud-account');

  // Deleting asks first; on a plan without hosted mocks, deploying again explains the limit.
  await page.getByRole('tab', { name: 'Deployments' }).click();
  await depRow.getByRole('button', { name: `Delete ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Delete deployment “${name}”?` })
    .getByRole('button', { name: 'Delete deployment' })
    .click();
  await expect(cloudView.getByText('Nothing deployed yet')).toBeVisible();
  expect((await fetch(`${url}/orders`)).status).toBe(404);
  const me = (cloud.inspect.users() as { email: string; personal_org_id: string }[]).find((u) => u.email === email)!;
  cloud.admin.setPlan(me.personal_org_id, 'free');
  // The free plan's 60 requests a minute are already spent by this test: start a fresh window.
  await fetch(`${cloud.url}/__control/reset-limits`, { method: 'POST' });
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  const projectsBefore = cloud.inspect.projects().length;
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  // Explained before anything is synced, as a note: the free plan is normal, not an error.
  const explained = page.getByRole('dialog', { name: `Deploy “${name}”` }).getByRole('note');
  await expect(explained).toContainText('does not include hosted mocks');
  await expect(explained).toContainText('nothing was sent');
  await expect(page.getByRole('dialog', { name: `Deploy “${name}”` }).getByRole('alert')).toHaveCount(0);
  expect(cloud.inspect.projects().length).toBe(projectsBefore);
  await shot(page, 'cloud-limit');
  await explained.getByRole('button', { name: 'See plan and usage' }).click();
  await expect(page.getByTestId('account-plan')).toHaveText('free');
  await expect(cloudView.getByTestId('no-hosting-note')).toContainText('Your plan does not include hosted mocks.');
  await expect(cloudView.getByRole('region', { name: 'Usage', exact: true }).getByRole('alert')).toHaveCount(0);
  cloud.admin.setPlan(me.personal_org_id, 'pro');

  // Rotating shows the replacement once; the old token stops working.
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await page.getByRole('button', { name: 'Rotate GitHub Actions' }).click();
  await page
    .getByRole('dialog', { name: 'Rotate “GitHub Actions”?' })
    .getByRole('button', { name: 'Rotate token' })
    .click();
  const rotated = page.getByRole('dialog', { name: 'Your rotated token' });
  const next = (await rotated.getByTestId('new-token-value').textContent()) ?? '';
  expect(next).toMatch(/^mfx_/);
  expect(next).not.toBe(full);
  await rotated.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByRole('table', { name: 'API tokens' }).getByRole('row')).toHaveCount(2); // header + one token
  expect((await fetch(`${cloud.url}/api/v1/projects`, { headers: { authorization: `Bearer ${full}` } })).status).toBe(
    401,
  );
  expect((await fetch(`${cloud.url}/api/v1/projects`, { headers: { authorization: `Bearer ${next}` } })).status).toBe(
    200,
  );

  // Sign out asks first, then a wrong password for the real account is explained.
  await cloudView.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('dialog', { name: 'Sign out of the cloud?' }).getByRole('button', { name: 'Sign out' }).click();
  const login = page.getByRole('form', { name: 'Sign in' });
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password').fill('not the password');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.getByRole('alert')).toContainText('Invalid email or password');
  await login.getByLabel('Password').fill(password);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(cloudView.getByText(`Signed in as ${user}`)).toBeVisible();
});
