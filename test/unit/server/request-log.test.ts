import { describe, expect, it } from 'vitest';
import { loggedBody, MAX_LOGGED_BODY, toRequestLog, type LoggedExchange } from '../../../main/core/server/request-log';

describe('loggedBody', () => {
  it('keeps UTF-8 text as text and anything else as base64 of the same bytes', () => {
    expect(loggedBody(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf8', truncated: false });
    expect(loggedBody(Buffer.from('naïve ✓'))).toEqual({ text: 'naïve ✓', encoding: 'utf8', truncated: false });
    const bytes = Buffer.from([0x00, 0xc3, 0x28, 0xff]);
    expect(loggedBody(bytes)).toEqual({ text: bytes.toString('base64'), encoding: 'base64', truncated: false });
  });

  it('cuts text at MAX_LOGGED_BODY bytes without splitting a character', () => {
    // "é" is two bytes; put one across the cut.
    const text = `${'a'.repeat(MAX_LOGGED_BODY - 1)}é${'b'.repeat(10)}`;
    const cut = loggedBody(Buffer.from(text));
    expect(cut).toMatchObject({ encoding: 'utf8', truncated: true });
    expect(cut.text).toBe('a'.repeat(MAX_LOGGED_BODY - 1));
  });

  it('cuts binary at MAX_LOGGED_BODY bytes, in base64', () => {
    const bytes = Buffer.alloc(MAX_LOGGED_BODY + 100, 0xff);
    const cut = loggedBody(bytes);
    expect(cut).toMatchObject({ encoding: 'base64', truncated: true });
    expect(Buffer.from(cut.text, 'base64').equals(bytes.subarray(0, MAX_LOGGED_BODY))).toBe(true);
  });
});

describe('toRequestLog', () => {
  const exchange = (over: Partial<LoggedExchange>): LoggedExchange => ({
    projectId: 'p',
    mockId: null,
    responseId: null,
    path: '/',
    method: 'GET',
    headers: {},
    query: {},
    requestBody: '',
    status: 200,
    responseHeaders: {},
    responseBody: '',
    responseTimeMs: 1,
    ip: '',
    errorCode: null,
    conditionFailures: [],
    createdMs: 0,
    createdAt: '1970-01-01T00:00:00.000Z',
    proxied: null,
    ...over,
  });

  it('logs a text response body as text, and a binary one in base64', () => {
    expect(toRequestLog(exchange({ responseBody: 'ok' }))).toMatchObject({
      responseBody: 'ok',
      responseBodyEncoding: 'utf8',
      requestBodyEncoding: 'utf8',
    });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]);
    expect(toRequestLog(exchange({ responseBody: bytes }))).toMatchObject({
      responseBody: bytes.toString('base64'),
      responseBodyEncoding: 'base64',
      responseBodyTruncated: false,
    });
    expect(toRequestLog(exchange({ responseBody: Buffer.from('{"a":1}') }))).toMatchObject({
      responseBody: '{"a":1}',
      responseBodyEncoding: 'utf8',
    });
  });
});
