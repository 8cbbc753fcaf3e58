/**
 * Response headers a mock made from a recording does not keep — the one list for the HAR
 * importer (main/core/transfer/formats/har.ts) and the proxy recorder
 * (main/core/proxy/recorder.ts): they describe one connection or one moment (the body's
 * length and encoding as it crossed the wire, the date), or carry the recording session's
 * credentials.
 *
 * Set-Cookie is not here because the two treat it differently, on purpose:
 *  - the proxy recorder drops it (RECORDER_ALSO_DROPS): recording runs unattended against a
 *    live upstream, so nothing of a session cookie is stored (docs/security.md, "Proxy and record");
 *  - the HAR importer keeps each Set-Cookie line with the cookie's value redacted: a user
 *    imports a recording on purpose, and the cookie's name and attributes are what a mock of a
 *    login needs.
 */
export const NOT_KEPT_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'age',
  'authorization',
  'cookie',
  'proxy-authenticate',
]);

/** What the proxy recorder drops besides NOT_KEPT_RESPONSE_HEADERS (see above for why). */
export const RECORDER_ALSO_DROPS: ReadonlySet<string> = new Set(['set-cookie']);
