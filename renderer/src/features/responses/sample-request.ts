import { examplePath, type SampleRequest } from '../../../../shared/ipc/contract';

/** The preview's sample request as typed: the path with its query, headers one per line, a body. */
export interface SampleForm {
  path: string;
  headers: string;
  body: string;
}

export const defaultSample = (mockPath: string): SampleForm => ({ path: examplePath(mockPath), headers: '', body: '' });

/** The request the preview call sends, or what is wrong with the form (named so it can be fixed). */
export function sampleToRequest(f: SampleForm): { request: SampleRequest } | { error: string } {
  const raw = f.path.trim() || '/';
  if (!raw.startsWith('/')) return { error: 'the sample path must start with "/", e.g. /users/42' };
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query: Record<string, string | string[]> = {};
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(raw.slice(q + 1))) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
  }
  const headers: Record<string, string> = {};
  const lines = f.headers.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `sample header line ${i + 1} needs the form "Name: value", e.g. X-Role: admin` };
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { request: { path, query, headers, body: f.body } };
}
