type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An OpenAPI path template as a MockDeck path: `{param}` segments stay (their names made
 * MockDeck-safe: `{user-id}` → `{user_id}`); a segment mixing text and a parameter
 * (`/files/{name}.json`) cannot be matched segment by segment, so it is refused.
 */
export function convertPath(raw: string): { path: string } | { problem: string } {
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  const used = new Set<string>();
  const segments = path.split('/').map((seg) => {
    const m = /^\{([^{}]+)\}$/.exec(seg);
    if (!m) return seg;
    let name = m[1]!.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    return `{${name}}`;
  });
  const mixed = segments.find((s) => /[{}]/.test(s) && !/^\{[^{}]+\}$/.test(s));
  if (mixed !== undefined) {
    return {
      problem: `segment "${mixed}" mixes text and a parameter; MockDeck matches parameters as whole segments`,
    };
  }
  return { path: segments.join('/') };
}

/**
 * The path the API lives under: 2.0's basePath, 3.x's first server URL's path (variables
 * replaced by their defaults). null when it is the root.
 */
export function basePathOf(doc: Obj, v2: boolean): string | null {
  let raw: string | undefined;
  if (v2) {
    raw = typeof doc.basePath === 'string' ? doc.basePath : undefined;
  } else if (Array.isArray(doc.servers) && isObj(doc.servers[0]) && typeof doc.servers[0].url === 'string') {
    const server = doc.servers[0];
    const vars = isObj(server.variables) ? server.variables : {};
    const url = (server.url as string).replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      const v = vars[name];
      return isObj(v) && typeof v.default === 'string' ? v.default : whole;
    });
    raw = pathOfUrl(url);
  }
  if (raw === undefined) return null;
  const trimmed = `/${raw.replace(/^\/+|\/+$/g, '')}`;
  if (trimmed === '/' || /[{}?#\s]/.test(trimmed)) return null;
  return trimmed;
}

function pathOfUrl(url: string): string {
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url);
  if (abs) return abs[1] ?? '/';
  if (url.startsWith('//')) return url.replace(/^\/\/[^/]*/, '') || '/';
  return url;
}
