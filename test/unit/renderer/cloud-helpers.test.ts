import { describe, expect, it } from 'vitest';
import type { SyncConflictView } from '../../../shared/ipc/cloud';
import {
  cloudUrlError,
  emailError,
  explainAuthError,
  loginErrors,
  registerErrors,
} from '../../../renderer/src/features/cloud/auth/auth-validation';
import { statusBars, toneOf } from '../../../renderer/src/features/cloud/deployments/chart';
import { exampleUrl } from '../../../renderer/src/features/cloud/deployments/deploy-example';
import { ago, formatBytes, formatPercent, until } from '../../../renderer/src/features/cloud/format';
import { explainLimit, usageLevel, usagePercent } from '../../../renderer/src/features/cloud/limits';
import { choiceHelp, conflictRows, showValue } from '../../../renderer/src/features/cloud/sync/diff';
import { summaryText } from '../../../renderer/src/features/cloud/sync/use-sync-progress';
import { expiryToIso, toggleScope, tokenFormErrors } from '../../../renderer/src/features/cloud/tokens/token-form';

describe('sign-up and sign-in rules (mirroring the cloud)', () => {
  it('needs a 3-character username, a valid email and an 8-character password', () => {
    expect(registerErrors({ username: 'ab', email: 'x', password: '1234567' })).toEqual({
      username: 'Username needs at least 3 characters',
      email: 'Enter a valid email address, like you@example.com',
      password: 'Password needs at least 8 characters',
    });
    expect(registerErrors({ username: ' abc ', email: 'a@b.co', password: '12345678' })).toEqual({});
    // Surrounding spaces do not count towards the 3 characters, as on the server.
    expect(registerErrors({ username: '  ab  ', email: 'a@b.co', password: '12345678' }).username).toBeDefined();
  });

  it('rejects emails the cloud would reject', () => {
    for (const bad of ['', 'plain', 'a@b', 'a b@c.de', '@c.de', 'a@.de']) expect(emailError(bad)).toBeDefined();
    for (const ok of ['you@example.com', ' you@mail.example.org ', 'a+tag@b.io'])
      expect(emailError(ok)).toBeUndefined();
  });

  it('sign-in only needs an email and a non-empty password', () => {
    expect(loginErrors({ email: 'you@example.com', password: '' })).toEqual({ password: 'Password is required' });
    expect(loginErrors({ email: 'you@example.com', password: 'x' })).toEqual({});
  });

  it('accepts only plain http(s) cloud URLs', () => {
    expect(cloudUrlError('https://api.mockforge.dev')).toBeUndefined();
    expect(cloudUrlError('http://127.0.0.1:4010')).toBeUndefined();
    expect(cloudUrlError('')).toBe('Cloud URL is required');
    expect(cloudUrlError('api.mockforge.dev')).toMatch(/full URL/);
    expect(cloudUrlError('ftp://x.dev')).toMatch(/https/);
    expect(cloudUrlError('https://me:pw@x.dev')).toMatch(/user name or password/);
    expect(cloudUrlError('https://x.dev/?a=1')).toMatch(/\? or #/);
  });

  it('turns the lockout into when-and-why, and a wrong password into what to check', () => {
    const locked = explainAuthError(
      {
        code: 'CLOUD_ERROR',
        message:
          'Sign-in is locked after too many failed attempts: Account locked after 5 failed login attempts in 15 minutes; try again after 2026-11-22T17:05:00.000Z',
        hint: 'Try again after 2026-11-22T17:05:00.000Z.',
      },
      'login',
    );
    expect(locked.message).toBe('Sign-in is locked after too many failed attempts');
    expect(locked.hint).toMatch(/5 wrong passwords in 15 minutes\. Try again after \d{1,2}:\d{2}/);
    const wrong = explainAuthError(
      { code: 'UNAUTHORIZED', message: 'The cloud did not accept your sign-in: Invalid email or password' },
      'login',
    );
    expect(wrong.message).toContain('Invalid email or password');
    expect(wrong.hint).toMatch(/^Check the email and password/);
    const other = { code: 'OFFLINE' as const, message: 'Cannot reach the cloud', hint: 'You seem to be offline' };
    expect(explainAuthError(other, 'login')).toBe(other);
  });
});

describe('API token form', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('needs a name and a scope, and an expiry in the future', () => {
    expect(tokenFormErrors({ name: ' ', scopes: [], expires: '' }, now)).toEqual({
      name: expect.stringMatching(/^Name is required/),
      scopes: 'Pick at least one scope',
    });
    expect(tokenFormErrors({ name: 'CI', scopes: ['read'], expires: '2026-05-31' }, now).expires).toMatch(/future/);
    expect(tokenFormErrors({ name: 'CI', scopes: ['read'], expires: '2026-06-01' }, now)).toEqual({});
  });
  it('expires at the end of the chosen day and keeps scopes in a fixed order', () => {
    expect(expiryToIso('2030-12-31')).toBe('2030-12-31T23:59:59.000Z');
    expect(expiryToIso('31/12/2030')).toBeNull();
    expect(toggleScope(['write'], 'read', true)).toEqual(['read', 'write']);
    expect(toggleScope(['read', 'write', 'admin'], 'write', false)).toEqual(['read', 'admin']);
  });
});

describe('conflict diffs', () => {
  const base: SyncConflictView = {
    id: 'c1',
    kind: 'mock',
    label: 'GET /orders',
    projectId: 'p',
    localId: 'l',
    remoteId: 'r',
    detectedAt: '2026-01-01T00:00:00Z',
    base: { name: 'Orders', delay: 0 },
    mine: { name: 'Orders v2', delay: 0 },
    theirs: { name: 'Orders', delay: 250 },
    fields: [
      { field: 'name', base: 'Orders', mine: 'Orders v2', theirs: 'Orders' },
      { field: 'delay', base: 0, mine: 0, theirs: 250 },
      { field: 'headers', base: {}, mine: { a: '1' }, theirs: { a: '2' } },
    ],
  };
  it('shows each field with the side that changed it', () => {
    expect(conflictRows(base)).toEqual([
      { field: 'name', mine: 'Orders v2', theirs: 'Orders', base: 'Orders', mineChanged: true, theirsChanged: false },
      { field: 'delay', mine: '0', theirs: '250', base: '0', mineChanged: false, theirsChanged: true },
      { field: 'headers', mine: '{"a":"1"}', theirs: '{"a":"2"}', base: '{}', mineChanged: true, theirsChanged: true },
    ]);
  });
  it('spells out deletions instead of leaving a blank side', () => {
    const rows = conflictRows({ ...base, theirs: null, fields: [] });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.theirs).toBe('Deleted in the cloud');
    expect(rows[0]!.mine).toMatch(/^Changed here/);
    expect(choiceHelp({ ...base, theirs: null }).theirs).toBe('Delete the mock here too');
    expect(choiceHelp(base).both).toMatch(/as a copy/);
  });
  it('formats values on one line', () => {
    expect(showValue('')).toBe('(empty)');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('–');
    expect(showValue([1, 'a'])).toBe('[1,"a"]');
  });
});

describe('status code chart', () => {
  const box = { width: 200, height: 100, labelHeight: 20, gap: 10 };
  it('scales the busiest code to the plot height, in code order', () => {
    const bars = statusBars({ '500': 5, '200': 80, '404': 20 }, box);
    expect(bars.map((b) => b.code)).toEqual(['200', '404', '500']);
    expect(bars[0]).toMatchObject({ height: 80, y: 0, x: 0, tone: 'ok' });
    expect(bars[1]).toMatchObject({ height: 20, y: 60, tone: 'client' });
    expect(bars[2]).toMatchObject({ height: 5, y: 75, tone: 'server' });
    const w = (200 - 2 * 10) / 3;
    expect(bars[1]!.x).toBeCloseTo(w + 10);
    expect(bars[2]!.x + bars[2]!.width).toBeCloseTo(200);
  });
  it('keeps a tiny bar visible and leaves out codes with no requests', () => {
    const bars = statusBars({ '200': 10_000, '503': 1, '418': 0 }, box);
    expect(bars.map((b) => b.code)).toEqual(['200', '503']);
    expect(bars[1]!.height).toBe(2);
    expect(statusBars({}, box)).toEqual([]);
    expect(toneOf('302')).toBe('redirect');
  });
});

describe('usage and limits', () => {
  it('computes bar widths and levels', () => {
    expect(usagePercent(50, 200)).toBe(25);
    expect(usagePercent(300, 200)).toBe(100);
    expect(usagePercent(5, 0)).toBe(0);
    expect(usageLevel(10, 100)).toBe('ok');
    expect(usageLevel(80, 100)).toBe('warn');
    expect(usageLevel(100, 100)).toBe('full');
    expect(usageLevel(1, 0)).toBe('none');
  });
  it('recognises RESOURCE_LIMIT_EXCEEDED as the core words it and names the limit', () => {
    const projects = explainLimit({
      code: 'CLOUD_ERROR',
      message: "Your plan's limit on max_projects is reached: Project limit reached for plan free",
    });
    expect(projects).toMatchObject({ limit: 'max_projects', title: 'Your plan’s project limit is reached.' });
    expect(projects!.remedy).toMatch(/^Upgrade your plan, or delete/);
    expect(
      explainLimit({ code: 'CLOUD_ERROR', message: "Your plan's limit on hosted_mocks is reached: x" })!.title,
    ).toBe('Your plan does not include hosted mocks.');
    expect(explainLimit({ code: 'CLOUD_ERROR', message: "Your plan's limit on seats is reached" })!.title).toBe(
      'Your plan’s limit on seats is reached.',
    );
    // An invitation past the plan's collaborators: the remedy is a member, not "something".
    expect(
      explainLimit({ code: 'CLOUD_ERROR', message: "Your plan's limit on max_collaborators is reached (5 of 5 used)" }),
    ).toMatchObject({
      limit: 'max_collaborators',
      title: expect.stringContaining('collaborator limit'),
      remedy: expect.stringContaining('remove a member'),
    });
    expect(explainLimit({ code: 'OFFLINE', message: 'Cannot reach the cloud' })).toBeNull();
    expect(explainLimit(null)).toBeNull();
  });
});

describe('formatting', () => {
  const now = Date.parse('2026-06-10T12:00:00Z');
  it('says sizes, ages and percentages the short way', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(21_474_836_480)).toBe('20 GB');
    expect(ago(null, now)).toBe('never');
    expect(ago('2026-06-10T11:57:00Z', now)).toBe('3 min ago');
    expect(ago('2026-06-08T12:00:00Z', now)).toBe('2 days ago');
    expect(until('2026-06-15T12:00:00Z', now)).toBe('in 5 days');
    expect(until('2026-06-09T12:00:00Z', now)).toBe('expired 1 day ago');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.012)).toBe('1.2%');
  });
  it('sums a sync summary into one line', () => {
    const zero = { project: 0, mock: 0, response: 0 };
    expect(
      summaryText({
        pushed: { project: 1, mock: 2, response: 0 },
        pulled: zero,
        deletedRemote: zero,
        deletedLocal: { project: 0, mock: 0, response: 1 },
        conflicts: 1,
        skipped: [],
      }),
    ).toBe('3 sent, 1 deleted here, 1 conflict');
    expect(
      summaryText({ pushed: zero, pulled: zero, deletedRemote: zero, deletedLocal: zero, conflicts: 0, skipped: [] }),
    ).toBe('nothing to change');
  });
  it('suggests a callable example URL after deploying', () => {
    const url = 'https://c.dev/hosted/acme/orders';
    expect(
      exampleUrl(url, [
        { path: '/users/{id}', method: 'GET' },
        { path: '/orders', method: 'POST' },
        { path: '/health', method: 'GET' },
      ]),
    ).toBe('https://c.dev/hosted/acme/orders/health');
    expect(exampleUrl(url, [{ path: '/users/{id}' }])).toBe(url);
    expect(exampleUrl(`${url}/`, [{ path: '/a' }])).toBe(`${url}/a`);
  });
});
