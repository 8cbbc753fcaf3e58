import { spawn } from 'node:child_process';
import { safeExternalUrl } from '../window/external-url';

/**
 * Opens a URL in the system browser where there is one: $BROWSER, else xdg-open (Linux and
 * BSDs), open (macOS) or rundll32's URL handler (Windows: `start` would read the `&` in the
 * URL as a command separator). Never throws: a machine without a browser (a server, CI)
 * gets the reason instead, and the caller has already printed the URL.
 */

export type OpenOutcome = { opened: true; command: string } | { opened: false; reason: string };

export interface OpenBrowserOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** Why the browser must not be opened (tests, CI, a user's choice), or null. */
export function browserOpeningDisabled(env: NodeJS.ProcessEnv): string | null {
  if (env.MOCKDECK_NO_BROWSER === '1') return 'MOCKDECK_NO_BROWSER=1 is set';
  if (env.BROWSER?.trim().toLowerCase() === 'none') return 'BROWSER=none is set';
  return null;
}

export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): { cmd: string; args: string[] } {
  const chosen = env.BROWSER?.trim();
  if (chosen) return { cmd: chosen, args: [url] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  if (platform === 'win32') return { cmd: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { cmd: 'xdg-open', args: [url] };
}

export async function openInBrowser(url: string, opts: OpenBrowserOptions): Promise<OpenOutcome> {
  const disabled = browserOpeningDisabled(opts.env);
  if (disabled) return { opened: false, reason: disabled };
  const safe = safeExternalUrl(url);
  if (!safe) return { opened: false, reason: 'only http(s) URLs are opened' };
  const { cmd, args } = browserCommand(safe, opts.platform ?? process.platform, opts.env);
  return new Promise<OpenOutcome>((resolve) => {
    try {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true, env: opts.env });
      child.once('error', (e) => resolve({ opened: false, reason: `${cmd} could not run (${e.message})` }));
      child.once('spawn', () => {
        child.unref();
        resolve({ opened: true, command: cmd });
      });
    } catch (e) {
      resolve({ opened: false, reason: `${cmd} could not run (${e instanceof Error ? e.message : String(e)})` });
    }
  });
}
