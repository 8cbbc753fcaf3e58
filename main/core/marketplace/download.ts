import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PackageRefused } from './errors';

export interface DownloadSpec {
  url: string;
  /** Lowercase hex SHA-256 the bytes must have ("sha256:" prefix already removed). */
  sha256: string;
  /** Refused beyond this many bytes: announced by Content-Length or counted while streaming. */
  maxBytes: number;
  /** Where the bytes go (a file inside the install's temp dir). */
  file: string;
  onProgress?: (received: number, total: number | null) => void;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** "sha256:ABC…" or "abc…" → "abc…"; anything else is refused (an install needs a checksum to check). */
export function normalizeChecksum(raw: string): string {
  const hex = raw
    .trim()
    .replace(/^sha256:/i, '')
    .toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new PackageRefused(`the marketplace gave no valid SHA-256 checksum ("${raw.slice(0, 80)}")`);
  }
  return hex;
}

/**
 * Streams a package to `file`, hashing and counting as it goes: more than `maxBytes` stops the
 * download at once (a server may lie about or omit Content-Length), and a checksum mismatch
 * is refused once the last byte is in. Returns the byte count.
 */
export async function downloadVerified(spec: DownloadSpec): Promise<number> {
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw new PackageRefused(`its download URL is not a URL ("${spec.url.slice(0, 200)}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PackageRefused(`its download URL uses ${url.protocol} (only http and https are fetched)`);
  }
  const fetchFn = spec.fetch ?? fetch;
  const res = await fetchFn(url, { redirect: 'follow', ...(spec.signal ? { signal: spec.signal } : {}) });
  if (!res.ok || !res.body) {
    throw new PackageRefused(
      `the download failed (HTTP ${res.status} from ${url.host})`,
      'Try again later; if it persists the package file is missing on the marketplace.',
    );
  }
  const announced = Number(res.headers.get('content-length'));
  const total = Number.isFinite(announced) && announced > 0 ? announced : null;
  if (total !== null && total > spec.maxBytes) {
    await res.body.cancel();
    throw new PackageRefused(`it is ${mb(total)}, more than the ${mb(spec.maxBytes)} allowed for this kind`);
  }
  const hash = createHash('sha256');
  const out = createWriteStream(spec.file, { flags: 'wx', mode: 0o600 });
  const reader = res.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > spec.maxBytes) {
        throw new PackageRefused(`it is larger than the ${mb(spec.maxBytes)} allowed for this kind`);
      }
      hash.update(value);
      if (!out.write(value)) await once(out, 'drain');
      spec.onProgress?.(received, total);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  } finally {
    out.end();
    await once(out, 'close').catch(() => undefined);
  }
  const actual = hash.digest('hex');
  if (actual !== spec.sha256) {
    throw new PackageRefused(
      `its SHA-256 checksum does not match (expected ${spec.sha256.slice(0, 12)}…, got ${actual.slice(0, 12)}…): the file was corrupted or tampered with`,
    );
  }
  return received;
}

export const mb = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`
    : `${bytes} bytes`;
