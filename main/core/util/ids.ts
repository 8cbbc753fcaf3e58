import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

let lastMs = 0;
let counter = 0;
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * A UUIDv7 (RFC 9562): a 48-bit millisecond timestamp, then a 12-bit counter that keeps ids
 * made in the same millisecond in order, then random bits. Request-log ids use it because
 * ids that grow append to the right edge of their unique index, where random UUIDs insert
 * all over the B-tree and cost several microseconds a row at request rate.
 *
 * The random part comes from randomUUID(), which Node serves from a cached entropy pool:
 * randomBytes() per id goes to OpenSSL every time and cost ~10% of a mock request's CPU.
 */
export function newTimeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond to stay ordered.
    lastMs++;
    counter = 0;
  }
  // randomUUID() is a v4: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, its variant already RFC 9562's.
  const ms = hex(lastMs, 12);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(counter, 3)}${randomUUID().slice(18)}`;
}
