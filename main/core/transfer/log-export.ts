import {
  firstHeader,
  headerPairs,
  type LogExportChunk,
  type LogExportFormat,
  type RequestLog,
  type RequestLogFilter,
} from '../../../shared/models';
import { logsAfter } from '../store/request-log-query';
import type { Store } from '../store/store';

/**
 * A project's request log, filtered as the log viewer filters it, as HAR 1.2
 * (http://www.softwareishard.com/blog/har-12-spec/) or NDJSON (one RequestLog per line),
 * written in chunks: each call reads one page of rows by cursor and returns its text and the
 * cursor of the next, so a million rows stream to a file (CLI) or a download (UI) without
 * being held at once. The chunks of one export, concatenated, are the document.
 */
export function exportLogChunk(
  store: Store,
  filter: RequestLogFilter,
  format: LogExportFormat,
  after: string | undefined,
  limit: number,
  creator: { name: string; version: string },
): LogExportChunk {
  // One row more than asked tells whether this chunk is the last, without a second query.
  const rows = logsAfter(store.logsDb, filter, after, limit + 1);
  const last = rows.length <= limit;
  const page = last ? rows : rows.slice(0, limit);
  const next = last ? null : page[page.length - 1]!.id;
  if (format === 'ndjson')
    return { text: page.map((l) => `${JSON.stringify(l)}\n`).join(''), next, count: page.length };
  const head = after === undefined ? `{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"entries":[` : '';
  const entries = page.map((l, i) => (after === undefined && i === 0 ? '' : ',') + JSON.stringify(harEntry(l)));
  return { text: head + entries.join('') + (last ? ']}}\n' : ''), next, count: page.length };
}

type HarPair = { name: string; value: string };

/** One logged exchange as a HAR 1.2 entry; MockDeck's own facts go in `_mockdeck` (HAR's custom-field rule: a leading underscore). */
export function harEntry(l: RequestLog) {
  const query: HarPair[] = Object.entries(l.requestQuery).flatMap(([name, v]) =>
    (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })),
  );
  const search = new URLSearchParams(query.map((q) => [q.name, q.value])).toString();
  const host = l.requestHeaders.host ?? 'localhost';
  const requestType = l.requestHeaders['content-type'];
  const responseType = firstHeader(l.responseHeaders, 'content-type') ?? '';
  const requestBodySize =
    l.requestBodyEncoding === 'base64' ? Buffer.from(l.requestBody, 'base64').length : Buffer.byteLength(l.requestBody);
  return {
    startedDateTime: l.createdAt,
    time: l.responseTimeMs,
    request: {
      method: l.requestMethod,
      url: `http://${host}${l.requestPath}${search ? `?${search}` : ''}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(l.requestHeaders),
      queryString: query,
      ...(l.requestBody !== '' || requestType
        ? {
            postData: {
              mimeType: requestType ?? 'application/octet-stream',
              text: l.requestBody,
              ...(l.requestBodyEncoding === 'base64' ? { comment: 'base64' } : {}),
            },
          }
        : {}),
      headersSize: -1,
      bodySize: requestBodySize,
    },
    response: {
      status: l.responseStatus,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      // A repeated header (two Set-Cookie) is one HAR pair per line, as HAR records them.
      headers: headerPairs(l.responseHeaders),
      content: {
        size:
          l.responseBodyEncoding === 'base64'
            ? Buffer.from(l.responseBody, 'base64').length
            : Buffer.byteLength(l.responseBody),
        mimeType: responseType,
        text: l.responseBody,
        ...(l.responseBodyEncoding === 'base64' ? { encoding: 'base64' } : {}),
        ...(l.responseBodyTruncated ? { comment: 'cut at the logged body limit' } : {}),
      },
      redirectURL: firstHeader(l.responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: l.responseTimeMs, receive: 0 },
    _mockdeck: {
      id: l.id,
      mockId: l.mockId,
      responseId: l.responseId,
      errorCode: l.errorCode,
      conditionFailures: l.conditionFailures,
      ...(l.alsoMatched ? { alsoMatched: l.alsoMatched } : {}),
    },
  };
}

const pairs = (h: Record<string, string>): HarPair[] => Object.entries(h).map(([name, value]) => ({ name, value }));
