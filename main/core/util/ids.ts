import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562): a 48-bit millisecond timestamp, then a 12-bit counter that keeps ids
 * made in the same millisecond in order, then random bits. Request-log ids use it because
 * ids that grow append to the right edge of their unique index, where random UUIDs insert
 * all over the B-tree and cost several microseconds a row at request rate.
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
  const b = randomBytes(16);
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
