import type { FetchedDocument } from '../../../shared/models';
import { AppError } from '../util/errors';

/** The most a document to import may be: the same bound as projects.import's text. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

export interface FetchDocumentOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  maxBytes?: number;
  timeoutMs?: number;
}

/**
 * Downloads a document to import from a URL the user typed. Main fetches it, not the
 * renderer: the window's CSP allows no outside origin, and the answer is treated as hostile —
 * http(s) only (every redirect is checked too), no cookies or credentials sent, at most
 * 64 MiB read (the stream is cut there, whatever Content-Length said), 30 s in all. The text
 * is only ever parsed as data by the format readers.
 */
export async function fetchDocument(rawUrl: string, opts: FetchDocumentOptions = {}): Promise<FetchedDocument> {
  const doFetch = opts.fetch ?? fetch;
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let url = checkUrl(rawUrl);
  let res: Response;
  for (let hop = 0; ; hop++) {
    try {
      res = await doFetch(url, {
        redirect: 'manual',
        signal,
        credentials: 'omit',
        headers: { accept: 'application/json, application/yaml, text/markdown, text/plain, */*;q=0.5' },
      });
    } catch (e) {
      throw new AppError('VALIDATION_ERROR', `could not download ${url.href}: ${reasonOf(e, timeout, timeoutMs)}`, {
        field: 'url',
        cause: e,
        hint: 'check the address and your connection, or download the file and import it from disk',
      });
    }
    const location = res.headers.get('location');
    if (res.status < 300 || res.status > 399 || !location) break;
    await res.body?.cancel();
    if (hop >= MAX_REDIRECTS) {
      throw new AppError('VALIDATION_ERROR', `${rawUrl} redirects more than ${MAX_REDIRECTS} times`, {
        field: 'url',
        hint: 'use the final address of the document',
      });
    }
    url = checkUrl(new URL(location, url).href);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new AppError('VALIDATION_ERROR', `${url.href} answered ${res.status} ${res.statusText}`.trim(), {
      field: 'url',
      hint: 'the address must serve the document itself (for GitHub files, use the “Raw” link)',
    });
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > maxBytes) {
          await reader.cancel();
          throw tooLarge(url, maxBytes);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('VALIDATION_ERROR', `downloading ${url.href} failed: ${reasonOf(e, timeout, timeoutMs)}`, {
        field: 'url',
        cause: e,
        hint: 'try again, or download the file and import it from disk',
      });
    }
  }
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
  return { text, source: fileNameOf(url), bytes };
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('VALIDATION_ERROR', `"${raw.slice(0, 200)}" is not a URL`, {
      field: 'url',
      hint: 'give the full address, e.g. https://example.com/openapi.yaml',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'VALIDATION_ERROR',
      `MockDeck downloads documents over http or https only, not ${url.protocol}`,
      {
        field: 'url',
        hint: 'for a file on this computer, use “Choose file” or drop it on the window',
      },
    );
  }
  if (url.username || url.password) {
    throw new AppError('VALIDATION_ERROR', 'the URL carries a user name or password', {
      field: 'url',
      hint: 'MockDeck sends no credentials: download the file yourself and import it from disk',
    });
  }
  return url;
}

function tooLarge(url: URL, maxBytes: number): AppError {
  return new AppError('VALIDATION_ERROR', `${url.href} is larger than ${maxBytes / 1024 / 1024} MiB`, {
    field: 'url',
    hint: `a document to import is at most ${maxBytes / 1024 / 1024} MiB`,
  });
}

function reasonOf(e: unknown, timeout: AbortSignal, timeoutMs: number): string {
  if (timeout.aborted) return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined;
  return cause ?? (e instanceof Error ? e.message : String(e));
}

/** "https://x/specs/petstore.yaml?raw=1" → "petstore.yaml": names the project and helps detection. */
function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || url.hostname;
  } catch {
    return last || url.hostname;
  }
}
