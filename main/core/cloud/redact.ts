/**
 * Last line of defence for text that may reach a log, an error message or the renderer:
 * anything shaped like an API token or a JWT is masked. The real protection is that
 * secrets are never put into messages; this catches a server that echoes one back.
 */
const TOKEN = /mfx_[A-Za-z0-9_-]{4,}/g;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /(Bearer\s+)[^\s"']+/gi;

export function redact(text: string): string {
  return text
    .replace(BEARER, '$1•••')
    .replace(TOKEN, (t) => `${t.slice(0, 7)}…•••`)
    .replace(JWT, 'eyJ…•••');
}
