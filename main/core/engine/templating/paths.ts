/**
 * Mockoon's two path syntaxes for body, queryParam, data and getGlobalVar:
 *  - object-path: `user.address.city`, `items.0.id`, `key\.with\.dots`;
 *  - JSONPath (a path starting with `$`): `$.items[0].id`, `$.items[*].id`, `$..id`,
 *    `$['a b']`, `$.items[1:3]`, `$.items[?(@.price > 10)]`.
 * Both read own properties only, so no path reaches a prototype (`constructor`,
 * `__proto__`), and neither evaluates code: a JSONPath filter is one comparison of a field
 * with a literal, parsed here, never passed to a JavaScript evaluator (jsonpath-plus, which
 * Mockoon uses, evaluates filters as JavaScript). A path this reader does not understand
 * finds nothing, and the helper answers its default value, as Mockoon does for an unsafe path.
 */

const hasOwn = (v: unknown, key: PropertyKey): boolean =>
  v !== null && v !== undefined && Object.prototype.hasOwnProperty.call(v, key);

/**
 * Mockoon's getValueFromPath: `data` itself unless it is an object or array and `path` a
 * non-empty string; otherwise the value at the path, or `defaultValue` when there is none.
 */
export function valueAtPath(data: unknown, path: unknown, defaultValue: unknown): unknown {
  if ((Array.isArray(data) || typeof data === 'object') && typeof path === 'string' && path !== '') {
    const found = path.startsWith('$') ? jsonPath(data, path) : objectPath(data, splitObjectPath(path));
    return found !== undefined ? found : defaultValue;
  }
  return data;
}

/** `a.b\.c` → ['a', 'b.c'] (Mockoon's convertPathToArray). */
export function splitObjectPath(path: string): string[] {
  if (!path.includes('\\.')) return path.split('.');
  // Mockoon's own placeholder for an escaped dot.
  return path
    .replace(/\\\./g, '%#%')
    .split('.')
    .map((s) => s.replace(/%#%/g, '.'));
}

/** object-path's get: own properties only; numeric keys index arrays. */
export function objectPath(root: unknown, keys: readonly string[]): unknown {
  let cur: unknown = root;
  for (const raw of keys) {
    if (cur === null || cur === undefined) return undefined;
    const asInt = parseInt(raw, 10);
    const key: string | number = String(asInt) === raw ? asInt : raw;
    if (!((typeof key === 'number' && Array.isArray(cur)) || hasOwn(cur, key))) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
    if (cur === undefined) return undefined;
  }
  return cur;
}

/* ---- JSONPath ---- */

type Selector =
  | { kind: 'name'; name: string; deep: boolean }
  | { kind: 'wild'; deep: boolean }
  | { kind: 'index'; indexes: number[]; deep: boolean }
  | { kind: 'slice'; start: number | undefined; end: number | undefined; step: number; deep: boolean }
  | { kind: 'filter'; test: (v: unknown) => boolean; deep: boolean };

const MAX_PATH_LENGTH = 1000;

/**
 * The value at a JSONPath, as jsonpath-plus with `wrap: false` answers it: undefined when
 * nothing matches; an array of the matches when the path can match several things (a
 * wildcard, `..`, a slice, a filter, a union), even if it matched one; else the value.
 */
export function jsonPath(root: unknown, path: string): unknown {
  const selectors = path.length <= MAX_PATH_LENGTH ? parseJsonPath(path) : null;
  if (selectors === null) return undefined;
  let nodes: unknown[] = [root];
  for (const sel of selectors) {
    const next: unknown[] = [];
    for (const node of nodes) {
      const targets = sel.deep ? descendants(node) : [node];
      for (const t of targets) select(t, sel, next);
    }
    nodes = next;
    if (nodes.length === 0) return undefined;
  }
  const many = selectors.some(
    (sel) =>
      sel.deep ||
      sel.kind === 'wild' ||
      sel.kind === 'slice' ||
      sel.kind === 'filter' ||
      (sel.kind === 'index' && sel.indexes.length > 1),
  );
  return nodes.length === 1 && !many ? nodes[0] : nodes;
}

/** The node and everything below it, without recursion (a client's body may be deep). */
function descendants(node: unknown): unknown[] {
  const out: unknown[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    out.push(n);
    if (n !== null && typeof n === 'object') {
      const children = Array.isArray(n) ? n : Object.values(n);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

function select(node: unknown, sel: Selector, out: unknown[]): void {
  if (node === null || typeof node !== 'object') return;
  const arr = Array.isArray(node) ? (node as unknown[]) : null;
  switch (sel.kind) {
    case 'name':
      if (hasOwn(node, sel.name)) out.push((node as Record<string, unknown>)[sel.name]);
      return;
    case 'wild':
      out.push(...(arr ?? Object.values(node)));
      return;
    case 'index':
      for (const i of sel.indexes) {
        if (arr) {
          const at = i < 0 ? arr.length + i : i;
          if (at >= 0 && at < arr.length) out.push(arr[at]);
        } else if (hasOwn(node, String(i))) out.push((node as Record<string, unknown>)[String(i)]);
      }
      return;
    case 'slice': {
      if (!arr) return;
      const len = arr.length;
      const norm = (v: number) => (v < 0 ? Math.max(len + v, 0) : Math.min(v, len));
      const start = sel.start === undefined ? 0 : norm(sel.start);
      const end = sel.end === undefined ? len : norm(sel.end);
      for (let i = start; i < end; i += sel.step) out.push(arr[i]);
      return;
    }
    case 'filter':
      for (const v of arr ?? Object.values(node)) if (sel.test(v)) out.push(v);
      return;
  }
}

const NAME = /^[A-Za-z_$@\u0080-\uffff][\w$\u0080-\uffff-]*/;

function parseJsonPath(path: string): Selector[] | null {
  const sels: Selector[] = [];
  let i = 1; // past '$'
  while (i < path.length) {
    let deep = false;
    if (path.startsWith('..', i)) {
      deep = true;
      i += 2;
    } else if (path[i] === '.') {
      i += 1;
    } else if (path[i] !== '[') {
      return null;
    }
    if (path[i] === '[') {
      const close = findClose(path, i);
      if (close < 0) return null;
      const sel = parseBracket(path.slice(i + 1, close).trim(), deep);
      if (!sel) return null;
      sels.push(sel);
      i = close + 1;
    } else if (path[i] === '*') {
      sels.push({ kind: 'wild', deep });
      i += 1;
    } else {
      const m = NAME.exec(path.slice(i));
      if (!m) {
        // "$.0" reads index 0, as jsonpath-plus does.
        const n = /^\d+/.exec(path.slice(i));
        if (!n) return null;
        sels.push({ kind: 'index', indexes: [Number(n[0])], deep });
        i += n[0].length;
        continue;
      }
      sels.push({ kind: 'name', name: m[0], deep });
      i += m[0].length;
    }
  }
  return sels;
}

/** The index of the `]` closing the bracket at `open`, skipping quoted strings and nested brackets. */
function findClose(path: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string, deep: boolean): Selector | null {
  if (inner === '*') return { kind: 'wild', deep };
  const quoted = /^(['"])((?:\\.|(?!\1).)*)\1$/.exec(inner);
  if (quoted) return { kind: 'name', name: quoted[2]!.replace(/\\(.)/g, '$1'), deep };
  if (/^-?\d+(\s*,\s*-?\d+)*$/.test(inner)) {
    return { kind: 'index', indexes: inner.split(',').map((s) => Number(s.trim())), deep };
  }
  const slice = /^(-?\d+)?\s*:\s*(-?\d+)?(?:\s*:\s*(\d+))?$/.exec(inner);
  if (slice) {
    const step = slice[3] === undefined ? 1 : Number(slice[3]);
    if (step < 1) return null;
    return {
      kind: 'slice',
      start: slice[1] === undefined ? undefined : Number(slice[1]),
      end: slice[2] === undefined ? undefined : Number(slice[2]),
      step,
      deep,
    };
  }
  const filter = /^\?\s*\((.*)\)$/.exec(inner);
  if (filter) {
    const test = parseFilter(filter[1]!.trim());
    return test ? { kind: 'filter', test, deep } : null;
  }
  return null;
}

type Literal = string | number | boolean | null | undefined;

/** `@.a.b OP literal`, or `@.a.b` alone (the field exists and is truthy). */
function parseFilter(expr: string): ((v: unknown) => boolean) | null {
  const m = /^@((?:\.[\w$-]+|\[(?:'[^']*'|"[^"]*"|\d+)\])*)\s*(?:(===|==|!==|!=|<=|>=|<|>)\s*(.+))?$/.exec(expr);
  if (!m) return null;
  const keys: string[] = [];
  for (const part of m[1]!.matchAll(/\.([\w$-]+)|\['([^']*)'\]|\["([^"]*)"\]|\[(\d+)\]/g)) {
    keys.push(part[1] ?? part[2] ?? part[3] ?? part[4]!);
  }
  const field = (v: unknown) => (keys.length === 0 ? v : objectPath(v, keys));
  if (m[2] === undefined) return (v) => Boolean(field(v));
  const lit = parseLiteral(m[3]!.trim());
  if (lit === INVALID) return null;
  const op = m[2];
  return (v) => compare(field(v), op, lit);
}

const INVALID = Symbol('invalid');

function parseLiteral(s: string): Literal | typeof INVALID {
  const str = /^(['"])(.*)\1$/.exec(s);
  if (str) return str[2]!;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'null') return null;
  if (s === 'undefined') return undefined;
  return INVALID;
}

function compare(a: unknown, op: string, b: Literal): boolean {
  switch (op) {
    case '===':
      return a === b;
    case '!==':
      return a !== b;
    // Loose equality as JavaScript has it ("1" == 1), which jsonpath-plus filters inherit.
    case '==':
      return a == b;
    case '!=':
      return a != b;
  }
  if ((typeof a !== 'number' && typeof a !== 'string') || (typeof b !== 'number' && typeof b !== 'string'))
    return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}
