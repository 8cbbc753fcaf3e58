// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockDeckApi } from '../../../shared/ipc/contract';
import type { ProfileView, TeamView } from '../../../shared/ipc/cloud-team';
import { setApiForTests } from '../../../renderer/src/app/api';
import { setQueryData } from '../../../renderer/src/app/query';
import { queryClient } from '../../../renderer/src/app/query-client';
import { qk } from '../../../renderer/src/app/query-keys';
import { useAppStore } from '../../../renderer/src/app/store';
import { TeamScreen } from '../../../renderer/src/features/cloud/team/TeamScreen';
import { ApiError } from '../../../renderer/src/platform/api-error';

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

const acme: TeamView = {
  org: { id: 'org_acme', name: 'Acme Corp', slug: 'acme-corp', personal: false },
  myRole: 'org:owner',
  canManage: true,
  manageReason: null,
  members: [
    {
      membershipId: 'mem_1',
      role: 'org:admin',
      joinedAt: null,
      userId: 'u1',
      name: 'Adam Admin',
      email: 'admin@acme.test',
      isYou: false,
    },
  ],
  total: 1,
  limit: 20,
  offset: 0,
};
const profile: ProfileView = {
  userId: 'u2',
  email: 'mia@other.test',
  name: 'Mia',
  imageUrl: null,
  plan: 'pro',
  createdAt: null,
  org: null,
};

beforeEach(() => {
  queryClient.clear();
  useAppStore.setState({ cloudOpen: true, cloudTab: 'team' });
});
afterEach(() => {
  cleanup();
  setApiForTests(null);
});

describe('Team screen after a failed read', () => {
  it('shows the refusal alone, not the member list cached from before (another org or account)', async () => {
    // Acme's members are cached; now the read is refused (switched account, removed from it…).
    setQueryData(qk.cloud.team.members(0), acme);
    const api: MockDeckApi = {
      invoke: (async (name: string) => {
        if (name === 'profile.get') return profile;
        if (name === 'team.get')
          throw new ApiError({
            code: 'FORBIDDEN',
            message: 'You are not a member of "Acme Corp" (any more), so you cannot see the members.',
            hint: 'Pick another organization in the switcher.',
          });
        throw new Error(`unexpected call ${name}`);
      }) as MockDeckApi['invoke'],
      on: () => () => undefined,
    };
    setApiForTests(api);
    render(<TeamScreen />);
    await flush();
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('You are not a member of "Acme Corp"');
    expect(screen.queryByRole('table', { name: 'Members' })).toBeNull();
    expect(screen.queryByText('Adam Admin')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Team: Acme Corp' })).toBeNull();
    // A refusal is not an outage: no way to the service status is offered for it.
    expect(screen.queryByRole('button', { name: /Is the cloud down/ })).toBeNull();
  });

  it('shows a failed profile read alone, not the name cached from the account before', async () => {
    setQueryData(qk.cloud.team.profile, { ...profile, name: 'Olivia Owner', email: 'owner@acme.test' });
    setQueryData(qk.cloud.team.members(0), acme);
    const api: MockDeckApi = {
      invoke: (async (name: string) => {
        if (name === 'profile.get' || name === 'team.get')
          throw new ApiError({ code: 'UNAUTHORIZED', message: 'The cloud did not accept your sign-in: expired' });
        throw new Error(`unexpected call ${name}`);
      }) as MockDeckApi['invoke'],
      on: () => () => undefined,
    };
    setApiForTests(api);
    render(<TeamScreen />);
    await flush();
    await flush();
    expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
    expect(screen.queryByText('Olivia Owner')).toBeNull();
    expect(screen.queryByText('owner@acme.test')).toBeNull();
  });
});
