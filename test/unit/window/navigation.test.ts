import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppUrlPolicy } from '../../../main/window/app-url';
import { buildCsp, buildMetaCsp } from '../../../main/window/csp';
import {
  decideNavigation,
  decideRedirect,
  decideWindowOpen,
  requireGestureForExternal,
} from '../../../main/window/navigation';
import { createGestureTracker, GESTURE_WINDOW_MS } from '../../../main/window/user-gesture';

const indexFile = path.resolve('/opt/MockDeck/resources/app.asar/out/renderer/index.html');
const prod = createAppUrlPolicy({ indexFile });
const dev = createAppUrlPolicy({ indexFile, devServerUrl: 'http://127.0.0.1:5173/' });
const entry = pathToFileURL(indexFile).href;

describe('app URL policy', () => {
  it('trusts exactly the built index.html in production, with any hash or query', () => {
    expect(prod.entryUrl).toBe(entry);
    expect(prod.isAppUrl(entry)).toBe(true);
    expect(prod.isAppUrl(`${entry}#/projects/1`)).toBe(true);
    expect(prod.isAppUrl(`${entry}?x=1`)).toBe(true);
  });

  it('does not trust other files, hosts, schemes or lookalikes in production', () => {
    for (const url of [
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(path.resolve('/opt/MockDeck/resources/app.asar/out/renderer/other.html')).href,
      pathToFileURL(path.resolve('/tmp/evil/out/renderer/index.html')).href,
      `file://evil-host${new URL(entry).pathname}`,
      `https://evil.example/?next=${entry}`,
      `https://evil.example${new URL(entry).pathname}`,
      'http://127.0.0.1:5173/',
      `javascript:location='${entry}'`,
      '',
      undefined,
      42,
    ]) {
      expect(prod.isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('trusts only the dev server origin in development', () => {
    expect(dev.entryUrl).toBe('http://127.0.0.1:5173/');
    expect(dev.isAppUrl('http://127.0.0.1:5173/index.html#/x')).toBe(true);
    for (const url of [
      'http://127.0.0.1:5174/',
      'http://localhost:5173/',
      'https://127.0.0.1:5173/',
      'http://127.0.0.1:5173.evil.example/',
      'http://evil.example/?next=http://127.0.0.1:5173/',
      'http://user@127.0.0.1:5173/',
      entry,
    ]) {
      expect(dev.isAppUrl(url), url).toBe(false);
    }
  });

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => createAppUrlPolicy({ indexFile, devServerUrl: 'file:///tmp/x' })).toThrow();
  });
});

describe('navigation guards', () => {
  it('lets in-app navigation through', () => {
    expect(decideNavigation(`${entry}#/logs`, prod)).toEqual({ action: 'allow' });
    expect(decideRedirect(`${entry}#/logs`, prod)).toEqual({ action: 'allow' });
  });

  it('sends web links to the browser instead of navigating the window', () => {
    expect(decideNavigation('https://mockdeck.dev/docs', prod)).toEqual({
      action: 'open-external',
      url: 'https://mockdeck.dev/docs',
    });
    expect(decideNavigation(`https://evil.example/?next=${entry}`, prod)).toEqual({
      action: 'open-external',
      url: `https://evil.example/?next=${entry}`,
    });
  });

  it('blocks everything else, and every redirect away from the app', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'https://x@evil.example/']) {
      expect(decideNavigation(url, prod), url).toEqual({ action: 'block' });
    }
    expect(decideRedirect('https://mockdeck.dev/', prod)).toEqual({ action: 'block' });
    expect(decideRedirect('file:///etc/passwd', prod)).toEqual({ action: 'block' });
  });

  it('never opens a window: http(s) goes to the browser, the rest nowhere', () => {
    expect(decideWindowOpen('https://mockdeck.dev/')).toEqual({
      action: 'open-external',
      url: 'https://mockdeck.dev/',
    });
    expect(decideWindowOpen(entry)).toEqual({ action: 'block' });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'block' });
  });
});

describe('CSP', () => {
  const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

  it('is strict by default: own origin only, no eval, no inline scripts, no plugins', () => {
    const d = directives(buildCsp());
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(buildCsp()).not.toContain('unsafe-eval');
  });

  it('names the exact web bridge socket only when the page uses it', () => {
    expect(directives(buildCsp({ bridgeUrl: 'ws://127.0.0.1:41234' })).get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:41234',
    ]);
  });

  it('relaxes only what the dev server needs in development, and never allows eval', () => {
    const csp = buildCsp({ devServerUrl: 'http://127.0.0.1:5173' });
    expect(directives(csp).get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5173', 'wss://127.0.0.1:5173']);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('leaves out frame-ancestors from the meta form, where browsers ignore it', () => {
    expect(buildCsp()).toContain('frame-ancestors');
    expect(buildMetaCsp()).not.toContain('frame-ancestors');
  });
});

describe('external links need a user gesture', () => {
  it('opens an external link right after a click or key press, once per gesture', () => {
    let t = 1_000_000;
    const gestures = createGestureTracker(() => t);
    const link = decideWindowOpen('https://docs.example.com/x');
    expect(requireGestureForExternal(link, () => gestures.consume())).toEqual({ action: 'block' });
    gestures.record({ type: 'mouseMove' });
    gestures.record({ type: 'mouseWheel' });
    expect(requireGestureForExternal(link, () => gestures.consume())).toEqual({ action: 'block' });
    gestures.record({ type: 'mouseUp' });
    t += GESTURE_WINDOW_MS;
    expect(requireGestureForExternal(link, () => gestures.consume())).toEqual(link);
    // The same click does not open a second URL.
    expect(requireGestureForExternal(link, () => gestures.consume())).toEqual({ action: 'block' });
    gestures.record({ type: 'keyDown' });
    expect(requireGestureForExternal(decideNavigation('https://a.example/', prod), () => gestures.consume())).toEqual({
      action: 'open-external',
      url: 'https://a.example/',
    });
  });

  it('blocks a gesture older than the window, and leaves in-app navigation and blocks alone', () => {
    let t = 0;
    const gestures = createGestureTracker(() => t);
    gestures.record({ type: 'mouseDown' });
    t += GESTURE_WINDOW_MS + 1;
    expect(requireGestureForExternal(decideWindowOpen('https://x.example/'), () => gestures.consume())).toEqual({
      action: 'block',
    });
    const never = (): boolean => {
      throw new Error('in-app navigation must not consume a gesture');
    };
    expect(requireGestureForExternal(decideNavigation(`${entry}#/p`, prod), never)).toEqual({ action: 'allow' });
    expect(requireGestureForExternal(decideWindowOpen('file:///etc/passwd'), never)).toEqual({ action: 'block' });
  });
});
