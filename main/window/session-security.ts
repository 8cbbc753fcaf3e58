import type { Session } from 'electron';
import { buildCsp } from './csp';

/**
 * Session-wide locks: the CSP as a response header (the production page also carries it
 * in a meta tag, since file:// responses have no headers to add it to), and no web
 * permission (camera, notifications, geolocation…) for anything, ever.
 */
export function secureSession(session: Session, opts: { devServerUrl?: string | undefined }): void {
  const csp = buildCsp({ devServerUrl: opts.devServerUrl });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
