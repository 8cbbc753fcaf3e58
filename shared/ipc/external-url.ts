/**
 * Links the app may hand to the OS browser: parsed http(s) URLs only, without credentials
 * (`https://trusted.example@evil.example` reads as trusted but goes to evil). Returns the
 * normalized URL to open, so what is opened is exactly what was checked. Shared so that the
 * window's navigation guard, the core (a checkout URL the cloud sends) and the renderer
 * (links in legal documents) apply one rule.
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
