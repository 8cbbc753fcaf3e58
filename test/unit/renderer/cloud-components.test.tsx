// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, MockDeckApi } from '../../../shared/ipc/contract';
import type { NewTokenView, SyncConflictView, TokenView } from '../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { setApiForTests } from '../../../renderer/src/app/api';
import { queryClient } from '../../../renderer/src/app/query-client';
import { useAppStore } from '../../../renderer/src/app/store';
import { UsageBar } from '../../../renderer/src/features/cloud/account/UsageBar';
import { LoginForm } from '../../../renderer/src/features/cloud/auth/LoginForm';
import { OAuthButtons } from '../../../renderer/src/features/cloud/auth/OAuthButtons';
import { RegisterForm } from '../../../renderer/src/features/cloud/auth/RegisterForm';
import { SecretsModeNote } from '../../../renderer/src/features/cloud/auth/SecretsModeNote';
import { CloudErrorNotice } from '../../../renderer/src/features/cloud/CloudErrorNotice';
import { StatusChart } from '../../../renderer/src/features/cloud/deployments/StatusChart';
import { ConflictList } from '../../../renderer/src/features/cloud/sync/ConflictList';
import { NewTokenDialog } from '../../../renderer/src/features/cloud/tokens/NewTokenDialog';
import { TokensScreen } from '../../../renderer/src/features/cloud/tokens/TokensScreen';

type Handler<K extends CallName> = (input: CallInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
type Handlers = { [K in CallName]?: Handler<K> };

/** An in-memory API that records every call; a call without a handler fails the test. */
function fakeApi(handlers: Handlers): { calls: { name: string; input: unknown }[] } {
  const calls: { name: string; input: unknown }[] = [];
  const api: MockDeckApi = {
    invoke: async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
      calls.push({ name, input });
      const h = handlers[name] as Handler<K> | undefined;
      if (!h) throw new Error(`unexpected call ${name}`);
      return h(input);
    },
    on: () => () => undefined,
  };
  setApiForTests(api);
  return { calls };
}

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  queryClient.clear();
  useAppStore.setState({ cloudOpen: false, cloudTab: 'account' });
});
afterEach(() => {
  cleanup();
  setApiForTests(null);
});

describe('sign-up and sign-in forms', () => {
  it('shows every rule that fails and sends nothing', async () => {
    const { calls } = fakeApi({});
    render(<RegisterForm disabled={false} />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await flush();
    expect(screen.getByText('Username needs at least 3 characters')).toBeTruthy();
    expect(screen.getByText('Email is required')).toBeTruthy();
    expect(screen.getByText('Password needs at least 8 characters')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends trimmed values once the form is valid', async () => {
    const { calls } = fakeApi({
      'auth.register': () => ({ signedIn: true, via: 'session', user: null, baseUrl: 'x', orgId: null }),
    });
    render(<RegisterForm disabled={false} />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' alice ' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'alice@example.com ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'long enough' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await flush();
    expect(calls).toEqual([
      { name: 'auth.register', input: { username: 'alice', email: 'alice@example.com', password: 'long enough' } },
    ]);
  });

  it('explains a refused login with what to check', async () => {
    const refused: AppErrorShape = {
      code: 'UNAUTHORIZED',
      message: 'The cloud did not accept your sign-in: Invalid email or password',
      hint: 'Sign in again.',
    };
    fakeApi({
      'auth.login': () => {
        throw refused;
      },
    });
    render(<LoginForm disabled={false} />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'a@b.co' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await flush();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Invalid email or password');
    expect(alert.textContent).toContain('Check the email and password');
  });

  it('waits for the browser sign-in and can stop waiting', async () => {
    fakeApi({ 'auth.loginOAuth': () => new Promise(() => undefined) });
    const waiting: boolean[] = [];
    render(<OAuthButtons onWaiting={(w) => waiting.push(w)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with GitHub' }));
    await flush();
    expect(screen.getByRole('status').textContent).toContain('Waiting for GitHub in your browser');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel browser sign-in' }));
    expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeTruthy();
    expect(waiting).toEqual([true, false]);
  });

  it('says where secrets live and why', () => {
    render(<SecretsModeNote mode={{ kind: 'memory', reason: 'no keychain service is running' }} />);
    expect(screen.getByTestId('secrets-mode').textContent).toMatch(
      /Secrets are kept for this session only.*Why: no keychain service is running/,
    );
  });
});

describe('API tokens', () => {
  const token: TokenView = {
    id: 't1',
    name: 'Old CI',
    masked: 'mfx_abcd…•••',
    scopes: ['read', 'write'],
    lastUsedAt: null,
    expiresAt: null,
    createdAt: '2025-01-01T00:00:00Z',
    ageDays: 120,
    needsRotation: true,
  };

  it('shows the full token once with a warning', () => {
    const created: NewTokenView = { ...token, needsRotation: false, ageDays: 0, token: 'mfx_' + 'a'.repeat(32) };
    render(<NewTokenDialog token={created} rotated={false} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Your new API token' });
    expect(within(dialog).getByTestId('new-token-value').textContent).toBe(created.token);
    expect(dialog.textContent).toContain('You won’t see it again');
    expect(within(dialog).getByRole('button', { name: 'Copy token' })).toBeTruthy();
  });

  it('Escape does not throw the token away: it asks until the token was copied', async () => {
    const created: NewTokenView = { ...token, needsRotation: false, ageDays: 0, token: 'mfx_' + 'b'.repeat(32) };
    let closed = 0;
    render(<NewTokenDialog token={created} rotated={false} onClose={() => closed++} />);
    const dialog = screen.getByRole('dialog', { name: 'Your new API token' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(closed).toBe(0);
    expect(within(dialog).getByRole('alert').textContent).toMatch(/not copied.*cannot be shown again/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it open' }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    // Once copied, Escape closes as in any dialog.
    Object.assign(navigator, { clipboard: { writeText: () => Promise.resolve() } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy token' }));
    await act(async () => {
      await Promise.resolve();
    });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(closed).toBe(1);
  });

  it('lists masked tokens with the rotation warning, and deletes only after confirming', async () => {
    const { calls } = fakeApi({ 'tokens.list': () => [token], 'tokens.delete': () => ({ deleted: true }) });
    render(<TokensScreen />);
    const row = await screen.findByRole('row', { name: /Old CI/ });
    expect(within(row).getByTestId('token-masked').textContent).toBe('mfx_abcd…•••');
    expect(row.textContent).toContain('Older than 90 days: rotate it');
    expect(row.textContent).toContain('120 d');
    fireEvent.click(within(row).getByRole('button', { name: 'Delete Old CI' }));
    expect(calls.filter((c) => c.name === 'tokens.delete')).toEqual([]);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete token' }));
    await flush();
    expect(calls.filter((c) => c.name === 'tokens.delete')).toEqual([{ name: 'tokens.delete', input: { id: 't1' } }]);
  });
});

describe('sync conflicts', () => {
  it('shows mine against theirs per field and resolves with the chosen side', async () => {
    const { calls } = fakeApi({ 'sync.resolve': () => ({ resolved: true, createdLocalId: null, remaining: 0 }) });
    const conflict: SyncConflictView = {
      id: 'c1',
      kind: 'response',
      label: 'OK response',
      projectId: 'p1',
      localId: 'l',
      remoteId: 'r',
      detectedAt: new Date().toISOString(),
      base: { status: 200 },
      mine: { status: 201 },
      theirs: { status: 202 },
      fields: [{ field: 'status', base: 200, mine: 201, theirs: 202 }],
    };
    let resolved = 0;
    render(<ConflictList conflicts={[conflict]} onResolved={() => resolved++} />);
    const table = screen.getByRole('table', { name: 'Differences in OK response' });
    const row = within(table).getByRole('row', { name: /status/ });
    expect(row.textContent).toBe('status201202');
    fireEvent.click(screen.getByRole('button', { name: 'Keep theirs for OK response' }));
    await flush();
    expect(calls).toEqual([{ name: 'sync.resolve', input: { id: 'c1', choice: 'theirs' } }]);
    expect(resolved).toBe(1);
  });
});

describe('limits, usage and charts', () => {
  it('explains a plan limit and leads to the account screen', () => {
    render(
      <CloudErrorNotice
        error={{ code: 'CLOUD_ERROR', message: "Your plan's limit on hosted_mocks is reached: Hosted mocks need Pro" }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Your plan does not include hosted mocks.');
    fireEvent.click(screen.getByRole('button', { name: 'See plan and usage' }));
    expect(useAppStore.getState()).toMatchObject({ cloudOpen: true, cloudTab: 'account' });
  });

  it('fills a usage bar and says what to do when it is full', () => {
    render(<UsageBar label="Storage" used={30} limit={20} show={(n) => `${n} GB`} limitName="storage" />);
    const meter = screen.getByRole('meter', { name: 'Storage' });
    expect(meter.getAttribute('aria-valuenow')).toBe('100');
    expect(meter.getAttribute('aria-valuetext')).toBe('30 GB of 20 GB');
    expect(screen.getByText(/Your cloud storage is full\. Upgrade your plan/)).toBeTruthy();
  });

  it('draws one labelled bar per status code', () => {
    const { container } = render(<StatusChart codes={{ '200': 9, '404': 3 }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Responses by status code: 200: 9, 404: 3');
    const rects = container.querySelectorAll('rect');
    expect(rects).toHaveLength(2);
    expect(Number(rects[0]!.getAttribute('height'))).toBeGreaterThan(Number(rects[1]!.getAttribute('height')));
    cleanup();
    render(<StatusChart codes={{}} />);
    expect(screen.getByText('No requests in this period yet.')).toBeTruthy();
  });
});
