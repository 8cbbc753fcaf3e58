import type { AppUrlPolicy } from './app-url';
import { safeExternalUrl } from './external-url';

/**
 * What the window does with a navigation or a new-window request: stay on the app, hand a
 * web link to the OS browser, or do nothing. The window never leaves the app and never
 * opens a second window, so a compromised page cannot load remote code with the preload.
 */
export type NavigationDecision = { action: 'allow' } | { action: 'open-external'; url: string } | { action: 'block' };

/** will-navigate: in-app navigation proceeds; an http(s) link opens in the browser instead. */
export function decideNavigation(url: unknown, policy: AppUrlPolicy): NavigationDecision {
  if (policy.isAppUrl(url)) return { action: 'allow' };
  const external = safeExternalUrl(url);
  return external ? { action: 'open-external', url: external } : { action: 'block' };
}

/** will-redirect: a redirect is never user intent, so only redirects within the app pass. */
export function decideRedirect(url: unknown, policy: AppUrlPolicy): NavigationDecision {
  return policy.isAppUrl(url) ? { action: 'allow' } : { action: 'block' };
}

/** window.open / target=_blank: always denied in-app; http(s) goes to the browser. */
export function decideWindowOpen(url: unknown): NavigationDecision {
  const external = safeExternalUrl(url);
  return external ? { action: 'open-external', url: external } : { action: 'block' };
}

/**
 * Hands a URL to the OS browser only right after a user gesture: a compromised or buggy page
 * that navigates or calls window.open by itself gets nothing out of the app, not even a
 * browser tab it chose. In-app navigation and blocks pass unchanged.
 */
export function requireGestureForExternal(decision: NavigationDecision, hadGesture: () => boolean): NavigationDecision {
  if (decision.action !== 'open-external') return decision;
  return hadGesture() ? decision : { action: 'block' };
}
