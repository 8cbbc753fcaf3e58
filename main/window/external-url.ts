import { safeExternalUrl } from '../../shared/ipc/external-url';

// The rule itself is shared (core and renderer apply it too); the opener wrapper is the shell's.
export { isSafeExternalUrl, safeExternalUrl } from '../../shared/ipc/external-url';

/**
 * Wraps the OS opener (shell.openExternal) so that only what safeExternalUrl accepts ever
 * reaches it, and in its normalized form. For openers handed to code that builds the URL
 * itself (the OAuth sign-in builds it from the cloud URL setting).
 */
export function openWebUrlsOnly(open: (url: string) => Promise<void>): (url: unknown) => Promise<void> {
  return async (url) => {
    const safe = safeExternalUrl(url);
    if (!safe) throw new Error('refusing to open a non-http(s) URL in the browser');
    await open(safe);
  };
}
