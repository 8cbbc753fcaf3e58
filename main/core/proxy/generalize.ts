const NUMERIC = /^\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The mock path a recorded request becomes when ids are generalised: numeric and UUID
 * segments turn into parameters (`/users/42/orders/7` → `/users/{id}/orders/{id2}`), so one
 * recorded mock answers every id. Without it the path is kept as requested.
 */
export function generalizePath(path: string): string {
  let n = 0;
  return path
    .split('/')
    .map((seg) => {
      if (!NUMERIC.test(seg) && !UUID.test(seg)) return seg;
      n++;
      return n === 1 ? '{id}' : `{id${n}}`;
    })
    .join('/');
}
