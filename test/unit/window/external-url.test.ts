import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, safeExternalUrl } from '../../../main/window/external-url';

describe('isSafeExternalUrl', () => {
  it('accepts parsed http and https URLs', () => {
    expect(isSafeExternalUrl('https://mockdeck.dev/docs')).toBe(true);
    expect(isSafeExternalUrl('http://127.0.0.1:3001/m/shop/items')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.COM/Path')).toBe(true);
    // A query that mentions another scheme is still an https link to evil.example: the
    // browser, not the app, opens it, and nothing about it is trusted as in-app.
    expect(isSafeExternalUrl('https://evil.example/?next=file:///etc/passwd')).toBe(true);
  });

  it('refuses every other scheme, however it is dressed up', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)//https://example.com',
      '  javascript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\tscript:alert(1)',
      'file:///etc/passwd',
      'file:///etc/passwd?https://example.com',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'mockdeck://internal',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'chrome://settings',
      'about:blank',
      'blob:https://example.com/uuid',
      '//evil.example/path',
      '/relative/path',
      'evil.example',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses credentials that make a URL read as another host', () => {
    expect(isSafeExternalUrl('https://mockdeck.dev@evil.example/')).toBe(false);
    expect(isSafeExternalUrl('https://user:pass@example.com/')).toBe(false);
  });

  it('refuses non-strings and absurd lengths', () => {
    for (const v of [
      undefined,
      null,
      42,
      {},
      ['https://example.com'],
      new URL('https://example.com'),
      '',
      `https://e.x/${'a'.repeat(5000)}`,
    ]) {
      expect(isSafeExternalUrl(v)).toBe(false);
    }
  });

  it('returns the normalized URL, so what is opened is what was checked', () => {
    expect(safeExternalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });
});
