import { mockPathProblem } from '../../../../../shared/models';

/**
 * Mockoon endpoints ("users/:id", no leading slash, Express-style patterns run by
 * path-to-regexp 8 after Mockoon's express5PathConvert) and MockDeck mock paths
 * ("/users/{id}"). Whole-segment `:name` parameters map one to one; patterns MockDeck's router
 * has no equivalent for are refused with the reason, so the reader lists the route as skipped.
 */

/** `literalColons`: segments such as "products:import" that MockDeck matches as written. */
export type PathResult = { path: string; literalColons: string[]; innerWildcard: boolean } | { problem: string };

/** "/v1/" → "/v1"; "" or "/" → "" (no prefix). */
export function prefixPath(endpointPrefix: string): string {
  const trimmed = endpointPrefix
    .trim()
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

export function mockPathOf(endpoint: string): PathResult {
  const raw = `/${endpoint}`.replace(/\/{2,}/g, '/');
  if (raw.includes('#')) {
    return {
      problem:
        'the path holds "#": clients never send what follows it (a URL fragment), so Mockoon never matches this route either',
    };
  }
  if (/\s/.test(raw))
    return { problem: 'the path holds a space (Mockoon serves it as %20): rename the route without spaces' };
  // One trailing slash: MockDeck's router ignores it (Mockoon's matches it strictly).
  const path = raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw;
  const segments = path.split('/').slice(1);
  const out: string[] = [];
  const literalColons: string[] = [];
  for (const seg of segments) {
    const param = /^:([A-Za-z_][A-Za-z0-9_]*)$/.exec(seg);
    if (param) {
      out.push(`{${param[1]}}`);
      continue;
    }
    if (seg === '*') {
      // A whole-segment wildcard: the rest of the path as the last segment, one segment before
      // it (Mockoon's, from Express 4, may span several there: the reader warns).
      out.push('*');
      continue;
    }
    if (seg.includes('*')) {
      return { problem: `wildcard inside segment "${seg}": MockDeck's * is a whole segment (e.g. /files/*)` };
    }
    if (/^:[^:]*:/.test(seg)) {
      return {
        problem: `segment "${seg}" holds two :parameters in a row, which Mockoon 9 refuses too (it never matches this route)`,
      };
    }
    if (/:[A-Za-z_$]/.test(seg)) {
      // Google-style "products:import": Mockoon reads ":import" as a parameter glued to the
      // text; clients send the colon literally, and so MockDeck matches the segment as written.
      literalColons.push(seg);
      out.push(seg);
      continue;
    }
    if (/[()?+]/.test(seg)) {
      return {
        problem: `segment "${seg}" is an Express pattern (optional or repeated characters, groups): MockDeck paths are literal or {param}`,
      };
    }
    out.push(seg);
  }
  const mockPath = `/${out.join('/')}`;
  const problem = mockPathProblem(mockPath);
  const innerWildcard = out.slice(0, -1).includes('*');
  return problem ? { problem } : { path: mockPath, literalColons, innerWildcard };
}

/** "/users/{id}" → "users/:id" (Mockoon writes endpoints without the leading slash). */
export function endpointOf(mockPath: string): string {
  return mockPath
    .replace(/^\/+/, '')
    .split('/')
    .map((seg) => {
      const m = /^\{([^{}]+)\}$/.exec(seg);
      return m ? `:${m[1]}` : seg;
    })
    .join('/');
}
