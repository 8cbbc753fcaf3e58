import type { Mock } from './mock';

/**
 * What makes two mocks answer the same requests (docs/routes.md "Shadowing"): the method and
 * the path with every parameter unnamed and one trailing slash ignored, so `/users/{id}`,
 * `/users/:userId` and `/users/{x}/` are one route. A CRUD mock answers several methods on
 * its path; it is compared under the method CRUD.
 */
export function routeKey(method: string, path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const segs = trimmed
    .split('/')
    .map((s) => (/^\{[^{}]+\}$/.test(s) || (s.length > 1 && s.startsWith(':')) ? '{}' : s));
  return `${method.toUpperCase()} ${segs.join('/')}`;
}

/**
 * The literal start every path with the same route key shares: `path` up to its first
 * parameter segment, without a trailing slash (`/users/{id}` → `/users`). Lets a store read
 * only the mocks that can share a route with `path` instead of the whole project.
 */
export function routePrefix(path: string): string {
  const segs = path.split('/');
  const firstParam = segs.findIndex((s) => /^\{[^{}]+\}$/.test(s) || (s.length > 1 && s.startsWith(':')));
  const literal = (firstParam < 0 ? segs : segs.slice(0, firstParam)).join('/');
  return literal.endsWith('/') ? literal.slice(0, -1) : literal;
}

export type RouteOf = Pick<Mock, 'id' | 'name' | 'method' | 'path' | 'isActive' | 'kind'>;

const keyOf = (m: RouteOf): string => routeKey(m.kind === 'crud' ? 'CRUD' : m.method, m.path);

/**
 * For each active mock that another active mock earlier in the project's order hides (the
 * router answers with the first), the id of that earlier mock. `mocks` in project order.
 */
export function shadowedBy(mocks: readonly RouteOf[]): Map<string, string> {
  const first = new Map<string, string>();
  const out = new Map<string, string>();
  for (const m of mocks) {
    if (!m.isActive) continue;
    const key = keyOf(m);
    const winner = first.get(key);
    if (winner === undefined) first.set(key, m.id);
    else out.set(m.id, winner);
  }
  return out;
}

/**
 * A write left two active mocks on one route: the later one never answers while the earlier
 * one is active. `deactivate` lists both ids; deactivating either (mocks.update with
 * isActive false, PATCH /api/mocks/:id with is_active 0) clears the warning.
 */
export interface RouteWarning {
  code: 'ROUTE_SHADOWED';
  message: string;
  /** The mock that never answers. */
  mockId: string;
  /** The earlier mock that answers instead. */
  shadowedBy: string;
  /** Deactivate one of these to end the shadowing. */
  deactivate: [string, string];
}

/** The warnings for `mockIds` (the mocks a write created or changed) among a project's mocks, in project order. */
export function shadowWarnings(mocks: readonly RouteOf[], mockIds?: ReadonlySet<string>): RouteWarning[] {
  const byId = new Map(mocks.map((m) => [m.id, m]));
  const warnings: RouteWarning[] = [];
  for (const [hidden, winner] of shadowedBy(mocks)) {
    if (mockIds && !mockIds.has(hidden) && !mockIds.has(winner)) continue;
    const h = byId.get(hidden)!;
    const w = byId.get(winner)!;
    warnings.push({
      code: 'ROUTE_SHADOWED',
      message:
        `${h.method} ${h.path} ("${h.name}") is shadowed by "${w.name}" (${w.method} ${w.path}), which comes first ` +
        `and answers every such request: deactivate one of them (set isActive to false) or change a path`,
      mockId: hidden,
      shadowedBy: winner,
      deactivate: [hidden, winner],
    });
  }
  return warnings;
}
