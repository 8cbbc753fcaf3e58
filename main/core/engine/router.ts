import type { CompiledMock, RouteMatch } from './types';

/**
 * Per-project route table, built when the project changes. Exact paths sit in one hash map
 * keyed by "METHOD /path"; paths with parameters sit in a segment trie per method. A lookup
 * costs one map probe or one walk down the path's segments, so 10,000 mocks match as fast
 * as 10. (find-my-way would do the same, but would read `*`, `(` and `::` in user paths as
 * syntax and decodes `%2F` inside a parameter into a path separator.)
 *
 * Precedence (docs/reference/mockbird-api.md §8): an exact path beats any pattern; within patterns a
 * literal segment beats a parameter at the same position, falling back when the literal
 * branch leads nowhere. Two active mocks with the same method and path: the first in the
 * project's order wins.
 */
interface TrieNode {
  statics: Map<string, TrieNode> | null;
  param: TrieNode | null;
  leaf: {
    mock: CompiledMock;
    names: readonly (string | null)[];
    /** A parameter is named like an Object.prototype member (__proto__, constructor…). */
    protoNames: boolean;
    /** Later mocks with the same method and path pattern, in project order (fallback mode reaches them). */
    shadowed: CompiledMock[];
  } | null;
}

const newNode = (): TrieNode => ({ statics: null, param: null, leaf: null });
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export class RouteTable {
  private readonly exact = new Map<string, CompiledMock>();
  /** Later mocks with the same method and exact path, in project order: only fallback mode reaches them. */
  private readonly shadowed = new Map<string, CompiledMock[]>();
  private readonly tries = new Map<string, TrieNode>();

  add(method: string, path: string, mock: CompiledMock): void {
    const segments = splitPath(normalizeRoutePath(path)).map(parseSegment);
    if (segments.every((s) => s.param === null)) {
      const key = `${method} /${segments.map((s) => s.text).join('/')}`;
      if (!this.exact.has(key)) this.exact.set(key, mock);
      else this.shadowed.set(key, [...(this.shadowed.get(key) ?? []), mock]);
      return;
    }
    let node: TrieNode | undefined = this.tries.get(method);
    if (!node) this.tries.set(method, (node = newNode()));
    for (const s of segments) {
      if (s.param !== null) node = node.param ??= newNode();
      else {
        const statics: Map<string, TrieNode> = (node.statics ??= new Map<string, TrieNode>());
        let next: TrieNode | undefined = statics.get(s.text);
        if (!next) statics.set(s.text, (next = newNode()));
        node = next;
      }
    }
    const names = segments.map((s) => s.param);
    if (node.leaf) node.leaf.shadowed.push(mock);
    else node.leaf = { mock, names, protoNames: names.some((n) => n !== null && n in Object.prototype), shadowed: [] };
  }

  /**
   * The mock that answers a request after `after` declined it (fallback mode, when none of
   * its responses' conditions held): the next candidate in precedence order, i.e. the later
   * mocks with the same method and path, then the patterns that match, literal segments
   * before parameters. Null when there is none. Only fallback-mode mocks call this, so the
   * ordinary match above stays one probe.
   */
  next(method: string, rawPath: string, after: CompiledMock): RouteMatch | null {
    const all = this.candidates(method, rawPath);
    const i = all.findIndex((c) => c.mock === after);
    return i < 0 ? null : (all[i + 1] ?? null);
  }

  private candidates(method: string, rawPath: string): RouteMatch[] {
    const m = method === 'HEAD' ? 'GET' : method;
    const path = stripTrailingSlash(rawPath);
    const out: RouteMatch[] = [];
    const key = `${m} ${path.includes('%') ? decodePath(path) : path}`;
    const hit = this.exact.get(key);
    if (hit) {
      out.push({ mock: hit, params: NO_PARAMS });
      for (const mock of this.shadowed.get(key) ?? []) out.push({ mock, params: NO_PARAMS });
    }
    const root = this.tries.get(m);
    if (!root) return out;
    const segments = splitPath(path).map(safeDecode);
    walkAll(root, segments, 0, [], (leaf, values) => {
      const params: Record<string, string> = leaf.protoNames ? (Object.create(null) as Record<string, string>) : {};
      let v = 0;
      leaf.names.forEach((name) => {
        if (name !== null) params[name] = values[v++] ?? '';
      });
      for (const mock of [leaf.mock, ...leaf.shadowed]) out.push({ mock, params });
    });
    return out;
  }

  match(method: string, rawPath: string): RouteMatch | null {
    const m = method === 'HEAD' ? 'GET' : method;
    const path = stripTrailingSlash(rawPath);
    const decoded = path.includes('%') ? null : path;
    const hit = this.exact.get(`${m} ${decoded ?? decodePath(path)}`);
    if (hit) return { mock: hit, params: NO_PARAMS };
    const root = this.tries.get(m);
    if (!root) return null;
    const segments = splitPath(path).map(safeDecode);
    const values: string[] = [];
    const leaf = walk(root, segments, 0, values);
    if (!leaf) return null;
    // A parameter named __proto__ must hold its segment, not set the object's prototype;
    // only such routes pay for a prototype-less object (slower to make than a literal).
    const params: Record<string, string> = leaf.protoNames ? (Object.create(null) as Record<string, string>) : {};
    let v = 0;
    leaf.names.forEach((name) => {
      if (name !== null) params[name] = values[v++] ?? '';
    });
    return { mock: leaf.mock, params };
  }
}

function walk(node: TrieNode, segments: readonly string[], i: number, values: string[]): TrieNode['leaf'] {
  if (i === segments.length) return node.leaf;
  const seg = segments[i]!;
  const literal = node.statics?.get(seg);
  if (literal) {
    const found = walk(literal, segments, i + 1, values);
    if (found) return found;
  }
  if (node.param && seg !== '') {
    values.push(seg);
    const found = walk(node.param, segments, i + 1, values);
    if (found) return found;
    values.pop();
  }
  return null;
}

/** Every leaf `walk` could reach, in the order it prefers them. */
function walkAll(
  node: TrieNode,
  segments: readonly string[],
  i: number,
  values: string[],
  visit: (leaf: NonNullable<TrieNode['leaf']>, values: readonly string[]) => void,
): void {
  if (i === segments.length) {
    if (node.leaf) visit(node.leaf, values);
    return;
  }
  const seg = segments[i]!;
  const literal = node.statics?.get(seg);
  if (literal) walkAll(literal, segments, i + 1, values, visit);
  if (node.param && seg !== '') walkAll(node.param, segments, i + 1, [...values, seg], visit);
}

/** `:id` and `{id}` both name a parameter; one trailing slash is ignored. */
export function normalizeRoutePath(path: string): string {
  return stripTrailingSlash(path.startsWith('/') ? path : `/${path}`);
}

const stripTrailingSlash = (p: string): string => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

/** Segments after the leading slash; "/" has none. */
const splitPath = (p: string): string[] => (p === '/' ? [] : p.slice(1).split('/'));

function parseSegment(seg: string): { text: string; param: string | null } {
  const brace = /^\{([^{}]+)\}$/.exec(seg);
  if (brace) return { text: seg, param: brace[1]! };
  if (seg.length > 1 && seg.startsWith(':')) return { text: seg, param: seg.slice(1) };
  return { text: safeDecode(seg), param: null };
}

function safeDecode(seg: string): string {
  if (!seg.includes('%')) return seg;
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** Decodes segment by segment, so an encoded "/" (%2F) never becomes a separator. */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((s) => {
      const d = safeDecode(s);
      return d.includes('/') ? s : d;
    })
    .join('/');
}
