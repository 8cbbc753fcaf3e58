import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

let lastMs = -1;
let counter = 0;
/** "tttttttt-tttt-7" for lastMs: made once a millisecond, not once an id. */
let prefix = '';
const HEX3 = Array.from({ length: 0x1000 }, (_, i) => i.toString(16).padStart(3, '0'));

/**
 * A UUIDv7 (RFC 9562): a 48-bit millisecond timestamp, then a 12-bit counter that keeps ids
 * made in the same millisecond in order, then random bits. Request-log ids use it because
 * ids that grow append to the right edge of their unique index, where random UUIDs insert
 * all over the B-tree and cost several microseconds a row at request rate.
 *
 * It is made for every mock request, so it does little: the timestamp part is formatted once
 * a millisecond, and the random part comes from randomUUID(), which Node serves from a cached
 * entropy pool (randomBytes() per id goes to OpenSSL every time: ~10% of a request's CPU).
 */
export function newTimeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
    prefix = timePrefix(now);
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond to stay ordered.
    lastMs++;
    counter = 0;
    prefix = timePrefix(lastMs);
  }
  // randomUUID() is a v4: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, its variant already RFC 9562's.
  return prefix + HEX3[counter]! + randomUUID().slice(18);
}

function timePrefix(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
}
