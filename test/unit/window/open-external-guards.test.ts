import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOAuthFlow } from '../../../main/core/cloud/oauth';
import { createAppUrlPolicy } from '../../../main/window/app-url';
import { openWebUrlsOnly, safeExternalUrl } from '../../../main/window/external-url';
import { decideNavigation, decideWindowOpen } from '../../../main/window/navigation';

/**
 * The guard in front of each shell.openExternal call site that Electronegativity flags
 * (OPEN_EXTERNAL_JS_CHECK, marked eng-disable after review): whatever the page or a setting
 * supplies, only a parsed http(s) URL without credentials reaches the OS browser.
 */
const HOSTILE = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'smb://attacker/share',
  'ms-msdt:/id PCWDiagnostic',
  'mockdeck://internal',
  'https://mockdeck.dev@evil.example/',
  '//evil.example/',
];
const WEB = ['https://mockdeck.dev/docs', 'HTTP://127.0.0.1:3001/m/shop/a b'];

const policy = createAppUrlPolicy({ indexFile: path.resolve('/opt/MockDeck/out/renderer/index.html') });

describe('create-window.ts will-navigate → shell.openExternal(decision.url)', () => {
  it('hands the browser only the normalized http(s) URL, never a hostile one', () => {
    for (const url of HOSTILE) expect(decideNavigation(url, policy), url).toEqual({ action: 'block' });
    for (const url of WEB) {
      expect(decideNavigation(url, policy)).toEqual({ action: 'open-external', url: safeExternalUrl(url) });
    }
    // The app's own page is navigated to, not opened outside.
    expect(decideNavigation(policy.entryUrl, policy)).toEqual({ action: 'allow' });
    expect(decideNavigation(pathToFileURL('/etc/passwd').href, policy)).toEqual({ action: 'block' });
  });
});

describe('create-window.ts setWindowOpenHandler → shell.openExternal(decision.url)', () => {
  it('hands the browser only the normalized http(s) URL, never a hostile one', () => {
    for (const url of HOSTILE) expect(decideWindowOpen(url), url).toEqual({ action: 'block' });
    for (const url of WEB)
      expect(decideWindowOpen(url)).toEqual({ action: 'open-external', url: safeExternalUrl(url) });
  });
});

describe('main/index.ts OAuth opener: openWebUrlsOnly(shell.openExternal)', () => {
  it('refuses every non-http(s) URL without calling the OS opener', async () => {
    const opened: string[] = [];
    const open = openWebUrlsOnly(async (url) => void opened.push(url));
    for (const url of [...HOSTILE, 42, undefined]) {
      await expect(open(url), String(url)).rejects.toThrow(/refusing to open a non-http\(s\) URL/);
    }
    expect(opened).toEqual([]);
    await open('HTTPS://Example.COM/a b');
    expect(opened).toEqual(['https://example.com/a%20b']);
  });
});

describe('main/core/cloud/oauth.ts runOAuthFlow → opts.openExternal(authorize)', () => {
  it('builds an http(s) authorize URL on the cloud base URL that the guarded opener accepts', async () => {
    const opened: string[] = [];
    const open = openWebUrlsOnly(async (url) => {
      opened.push(url);
      // What the browser would end with: the cloud redirecting to the loopback callback.
      const u = new URL(url);
      await fetch(`${u.searchParams.get('redirect_uri')}?token=jwt&state=${u.searchParams.get('state')}`);
    });
    await expect(
      runOAuthFlow({ baseUrl: 'https://cloud.example', provider: 'github', openExternal: open, timeoutMs: 10_000 }),
    ).resolves.toBe('jwt');
    expect(opened[0]).toMatch(/^https:\/\/cloud\.example\/api\/v1\/auth\/oauth\/github\/authorize\?/);
  });

  it('a base URL that is not http(s) never reaches the OS opener', async () => {
    const opened: string[] = [];
    const open = openWebUrlsOnly(async (url) => void opened.push(url));
    await expect(
      runOAuthFlow({ baseUrl: 'javascript:alert(1)//', provider: 'github', openExternal: open, timeoutMs: 10_000 }),
    ).rejects.toThrow(/refusing to open/);
    expect(opened).toEqual([]);
  });
});
