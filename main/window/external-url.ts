/**
 * Links the app may hand to the OS browser: parsed http(s) URLs only, without credentials
 * (`https://trusted.example@evil.example` reads as trusted but goes to evil). Returns the
 * normalized URL to open, so what is opened is exactly what was checked.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

export const isSafeExternalUrl = (value: unknown): boolean => safeExternalUrl(value) !== null;

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
