/** docs/reference/mockbird-api.md §8: set on every response of the execution endpoint, errors included. */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,POST,PUT,DELETE,PATCH,OPTIONS',
  'access-control-allow-headers': '*',
});

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export const ERROR_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...CORS_HEADERS,
  'content-type': JSON_CONTENT_TYPE,
});
