import type { CompiledMock, RouteMatch } from './types';

/**
 * Per-project route table, built when the project changes. Exact paths sit in one hash map
 * keyed by "METHOD /path"; paths with parameters or wildcards sit in a segment trie per
 * method. A lookup costs one map probe or one walk down the path's segments, so 10,000 mocks
 * match as fast as 10. (find-my-way would do the same, but would read `(` and `::` in user
 * paths as syntax and decodes `%2F` inside a parameter into a path separator.)
 *
 * Precedence (docs/reference/mockbird-api.md §8, docs/routes.md):
 * 1. an exact path beats any pattern; within patterns, at each position a literal segment
 *    beats a parameter, a parameter beats `*` (one segment), and `*` beats a trailing `*`
 *    (the rest of the path), falling back when the preferred branch leads nowhere;
 * 2. on the same path (or pattern), a mock for the request's method beats an ANY mock; a
 *    HEAD request with no HEAD mock is answered by the GET mock (the transport sends no
 *    body); ANY does not answer OPTIONS (preflights keep their automatic answer);
 * 3. two active mocks with the same method and path: the first in the project's order wins.
 * A request whose method has its own mock costs exactly what it did before ANY existed:
 * the extra probes run only after a miss.
 */
interface Leaf {
  mock: CompiledMock;
  names: readonly string[];
  /** A parameter is named like an Object.prototype member (__proto__, constructor…). */
  protoNames: boolean;
  /** Later mocks with the same method and path pattern, in project order (fallback mode reaches them). */
  shadowed: CompiledMock[];
}

/** A pattern's mocks by method (ANY included). */
type Leaves = Map<string, Leaf>;

interface TrieNode {
  statics: Map<string, TrieNode> | null;
  param: TrieNode | null;
  /** `*` as a whole segment: any one segment. */
  star: TrieNode | null;
  /** A trailing `*`: one or more segments, the rest of the path. */
  rest: Leaves | null;
  leaf: Leaves | null;
}

const newNode = (): TrieNode => ({ statics: null, param: null, star: null, rest: null, leaf: null });
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The methods whose mocks may answer a request, in the order they are tried. */
const ANY = 'ANY';
// ANY never answers OPTIONS: browsers' CORS preflights keep their automatic answer.
const LOOKUP_ORDER: Record<string, readonly string[]> = {
  HEAD: ['HEAD', 'GET', ANY],
  ANY: [ANY],
  OPTIONS: ['OPTIONS'],
};
const lookupOrder = (method: string): readonly string[] => LOOKUP_ORDER[method] ?? [method, ANY];

type Segment =
  { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'star' } | { kind: 'rest' };

function leafFor(leaves: Leaves | null, order: readonly string[]): Leaf | null {
  if (leaves === null) return null;
  for (const m of order) {
    const leaf = leaves.get(m);
    if (leaf) return leaf;
  }
  return null;
}

export class RouteTable {
  private readonly exact = new Map<string, CompiledMock>();
  /** Later mocks with the same method and exact path, in project order: only fallback mode reaches them. */
  private readonly shadowed = new Map<string, CompiledMock[]>();
  /** Every pattern, whatever its method: path specificity decides first, the method at the leaf. */
  private readonly trie: TrieNode = newNode();
  private hasPatterns = false;
  /** Whether any OPTIONS mock exists: without one, OPTIONS requests get the CORS preflight answer. */
  hasOptionsMocks = false;

  add(method: string, path: string, mock: CompiledMock): void {
    if (method === 'OPTIONS') this.hasOptionsMocks = true;
    const segments = parsePath(path);
    if (segments.every((s) => s.kind === 'literal')) {
      const key = `${method} /${segments.map((s) => (s.kind === 'literal' ? s.text : '')).join('/')}`;
      if (!this.exact.has(key)) this.exact.set(key, mock);
      else this.shadowed.set(key, [...(this.shadowed.get(key) ?? []), mock]);
      return;
    }
    this.hasPatterns = true;
    let node: TrieNode = this.trie;
    const names: string[] = [];
    let restLeaf = false;
    segments.forEach((s, i) => {
      if (s.kind === 'literal') {
        const statics: Map<string, TrieNode> = (node.statics ??= new Map<string, TrieNode>());
        let next: TrieNode | undefined = statics.get(s.text);
        if (!next) statics.set(s.text, (next = newNode()));
        node = next;
      } else if (s.kind === 'param') {
        names.push(s.name);
        node = node.param ??= newNode();
      } else if (s.kind === 'rest' && i === segments.length - 1) {
        restLeaf = true;
      } else {
        node = node.star ??= newNode();
      }
    });
    const leaves: Leaves = restLeaf ? (node.rest ??= new Map()) : (node.leaf ??= new Map());
    const existing = leaves.get(method);
    if (existing) existing.shadowed.push(mock);
    else leaves.set(method, { mock, names, protoNames: names.some((n) => n in Object.prototype), shadowed: [] });
  }

  /**
   * The mock that answers a request after `after` declined it (fallback mode, when none of
   * its responses' conditions held): the next candidate in precedence order. Null when there
   * is none. Only fallback-mode mocks call this, so the ordinary match stays one probe.
   */
  next(method: string, rawPath: string, after: CompiledMock): RouteMatch | null {
    const all = this.candidates(method, rawPath);
    const i = all.findIndex((c) => c.mock === after);
    return i < 0 ? null : (all[i + 1] ?? null);
  }

  /** Every mock that matches the request, in precedence order (the first one answers). */
  candidates(method: string, rawPath: string): RouteMatch[] {
    const path = stripTrailingSlash(rawPath);
    const order = lookupOrder(method);
    const out: RouteMatch[] = [];
    const decoded = path.includes('%') ? decodePath(path) : path;
    for (const m of order) {
      const key = `${m} ${decoded}`;
      const hit = this.exact.get(key);
      if (!hit) continue;
      out.push({ mock: hit, params: NO_PARAMS });
      for (const mock of this.shadowed.get(key) ?? []) out.push({ mock, params: NO_PARAMS });
    }
    if (!this.hasPatterns) return out;
    walkAll(this.trie, splitPath(path).map(safeDecode), 0, [], (leaves, values) => {
      for (const m of order) {
        const leaf = leaves.get(m);
        if (!leaf) continue;
        const params = paramsOf(leaf, values);
        for (const mock of [leaf.mock, ...leaf.shadowed]) out.push({ mock, params });
      }
    });
    return out;
  }

  match(method: string, rawPath: string): RouteMatch | null {
    const path = stripTrailingSlash(rawPath);
    const decoded = path.includes('%') ? decodePath(path) : path;
    // The hot path: one probe when the request's own method has an exact mock.
    const hit = this.exact.get(`${method} ${decoded}`);
    if (hit) return { mock: hit, params: NO_PARAMS };
    const order = lookupOrder(method);
    for (let i = 1; i < order.length; i++) {
      const other = this.exact.get(`${order[i]} ${decoded}`);
      if (other) return { mock: other, params: NO_PARAMS };
    }
    if (!this.hasPatterns) return null;
    const values: string[] = [];
    const leaf = walk(this.trie, splitPath(path).map(safeDecode), 0, values, order);
    return leaf ? { mock: leaf.mock, params: paramsOf(leaf, values) } : null;
  }
}

/** A parameter named __proto__ must hold its segment, not set the object's prototype; only such routes pay for a prototype-less object. */
function paramsOf(leaf: Leaf, values: readonly string[]): Record<string, string> {
  if (leaf.names.length === 0) return NO_PARAMS;
  const params: Record<string, string> = leaf.protoNames ? (Object.create(null) as Record<string, string>) : {};
  leaf.names.forEach((name, i) => {
    params[name] = values[i] ?? '';
  });
  return params;
}

function walk(
  node: TrieNode,
  segments: readonly string[],
  i: number,
  values: string[],
  order: readonly string[],
): Leaf | null {
  if (i === segments.length) return leafFor(node.leaf, order);
  const seg = segments[i]!;
  const literal = node.statics?.get(seg);
  if (literal) {
    const found = walk(literal, segments, i + 1, values, order);
    if (found) return found;
  }
  if (seg === '') return null;
  if (node.param) {
    values.push(seg);
    const found = walk(node.param, segments, i + 1, values, order);
    if (found) return found;
    values.pop();
  }
  if (node.star) {
    const found = walk(node.star, segments, i + 1, values, order);
    if (found) return found;
  }
  return leafFor(node.rest, order);
}

/** Every pattern `walk` could reach, in the order it prefers them. */
function walkAll(
  node: TrieNode,
  segments: readonly string[],
  i: number,
  values: string[],
  visit: (leaves: Leaves, values: readonly string[]) => void,
): void {
  if (i === segments.length) {
    if (node.leaf) visit(node.leaf, values);
    return;
  }
  const seg = segments[i]!;
  const literal = node.statics?.get(seg);
  if (literal) walkAll(literal, segments, i + 1, values, visit);
  if (seg === '') return;
  if (node.param) walkAll(node.param, segments, i + 1, [...values, seg], visit);
  if (node.star) walkAll(node.star, segments, i + 1, values, visit);
  if (node.rest) visit(node.rest, values);
}

function parsePath(path: string): Segment[] {
  const segments = splitPath(normalizeRoutePath(path));
  return segments.map((seg, i) => {
    if (seg === '*') return i === segments.length - 1 ? { kind: 'rest' } : { kind: 'star' };
    const brace = /^\{([^{}]+)\}$/.exec(seg);
    if (brace) return { kind: 'param', name: brace[1]! };
    if (seg.length > 1 && seg.startsWith(':')) return { kind: 'param', name: seg.slice(1) };
    return { kind: 'literal', text: safeDecode(seg) };
  });
}

/** `:id` and `{id}` both name a parameter; one trailing slash is ignored. */
export function normalizeRoutePath(path: string): string {
  return stripTrailingSlash(path.startsWith('/') ? path : `/${path}`);
}

const stripTrailingSlash = (p: string): string => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

/** Segments after the leading slash; "/" has none. */
const splitPath = (p: string): string[] => (p === '/' ? [] : p.slice(1).split('/'));

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
