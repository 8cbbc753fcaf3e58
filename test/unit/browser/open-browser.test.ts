import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { browserCommand, browserOpeningDisabled, openInBrowser } from '../../../main/browser/open-browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-opener-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = 'http://127.0.0.1:4000/?bridge=ws%3A%2F%2F127.0.0.1%3A4001&token=abc';

describe('opening the system browser', () => {
  it('is switched off by MOCKDECK_NO_BROWSER=1 or BROWSER=none, and then runs nothing', async () => {
    expect(browserOpeningDisabled({ MOCKDECK_NO_BROWSER: '1' })).toMatch(/MOCKDECK_NO_BROWSER/);
    expect(browserOpeningDisabled({ BROWSER: 'none' })).toMatch(/BROWSER=none/);
    expect(browserOpeningDisabled({ BROWSER: 'firefox' })).toBeNull();
    expect(await openInBrowser(url, { env: { BROWSER: 'none' } })).toEqual({
      opened: false,
      reason: 'BROWSER=none is set',
    });
  });

  it('uses the platform opener, passing the URL as one argument (no shell parses its &)', () => {
    expect(browserCommand(url, 'linux', {})).toEqual({ cmd: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin', {})).toEqual({ cmd: 'open', args: [url] });
    expect(browserCommand(url, 'win32', {})).toEqual({ cmd: 'rundll32', args: ['url.dll,FileProtocolHandler', url] });
    expect(browserCommand(url, 'linux', { BROWSER: 'firefox' })).toEqual({ cmd: 'firefox', args: [url] });
  });

  it('reports a missing opener instead of failing', async () => {
    const r = await openInBrowser(url, { env: { BROWSER: path.join(dir, 'no-such-browser') } });
    expect(r).toMatchObject({ opened: false, reason: expect.stringContaining('could not run') });
  });

  it('refuses anything but http(s)', async () => {
    expect(await openInBrowser('file:///etc/passwd', { env: {} })).toMatchObject({ opened: false });
  });

  it.skipIf(process.platform === 'win32')('runs $BROWSER with the URL', async () => {
    const out = path.join(dir, 'opened.txt');
    const fake = path.join(dir, 'fake-browser');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s' "$1" > ${out}\n`);
    chmodSync(fake, 0o755);
    expect(await openInBrowser(url, { env: { ...process.env, BROWSER: fake } })).toEqual({
      opened: true,
      command: fake,
    });
    await vi.waitFor(() => expect(existsSync(out) && readFileSync(out, 'utf8')).toBe(url));
  });
});
