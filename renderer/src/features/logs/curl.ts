import type { RequestLog } from '../../../../shared/models';

/** Headers curl computes itself or that only made sense on the original connection. */
const SKIPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'accept-encoding']);

/** POSIX single-quoting: safe for any byte but NUL. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function queryString(q: RequestLog['requestQuery']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Rebuilds the logged request as a curl command line against `origin` (the server the
 * request reached), so a tester can replay it from a terminal.
 */
export function toCurl(
  log: Pick<RequestLog, 'requestMethod' | 'requestPath' | 'requestHeaders' | 'requestQuery' | 'requestBody'> &
    Partial<Pick<RequestLog, 'requestBodyEncoding'>>,
  origin: string,
): string {
  const path = log.requestPath.includes('?') ? log.requestPath : log.requestPath + queryString(log.requestQuery);
  const parts = ['curl'];
  if (log.requestMethod !== 'GET' || log.requestBody) parts.push('-X', log.requestMethod);
  parts.push(shellQuote(origin.replace(/\/+$/, '') + path));
  for (const [name, value] of Object.entries(log.requestHeaders)) {
    if (!SKIPPED.has(name.toLowerCase())) parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (!log.requestBody) return parts.join(' ');
  // A binary body (logged as base64) cannot be quoted into a shell word: decode it into curl's stdin.
  if (log.requestBodyEncoding === 'base64')
    return `printf %s ${shellQuote(log.requestBody)} | base64 -d | ${parts.join(' ')} --data-binary @-`;
  parts.push('--data-raw', shellQuote(log.requestBody));
  return parts.join(' ');
}
