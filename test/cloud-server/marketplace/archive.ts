import { gzipSync } from 'node:zlib';

/**
 * Minimal tar and zip writers for seeded and hostile packages. Hand-made on purpose: real
 * archivers refuse to write `../` names, absolute paths or devices, which is what the hostile
 * packages must contain.
 */
export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'fifo';

export interface TarEntrySpec {
  name: string;
  type?: TarType;
  body?: Buffer | string;
  linkname?: string;
  /** Declared size when it differs from the body (bomb headers); the body is then streamed separately. */
  size?: number;
}

const TYPEFLAG: Record<TarType, string> = { file: '0', dir: '5', symlink: '2', hardlink: '1', chardev: '3', fifo: '6' };

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** One 512-byte ustar header. */
export function tarHeader(e: TarEntrySpec, size: number): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(e.name.slice(0, 100), 0, 'utf8');
  h.write(octal(e.type === 'dir' ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(TYPEFLAG[e.type ?? 'file'], 156, 'ascii');
  if (e.linkname) h.write(e.linkname.slice(0, 100), 157, 'utf8');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

export const tarPadding = (size: number): Buffer => Buffer.alloc((512 - (size % 512)) % 512, 0);
export const TAR_END = Buffer.alloc(1024, 0);

/** A whole tar (not gzipped) from entries with bodies. */
export function tar(entries: TarEntrySpec[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = e.body === undefined ? Buffer.alloc(0) : Buffer.from(e.body);
    const size = e.type === 'file' || e.type === undefined ? body.length : 0;
    parts.push(tarHeader(e, size));
    if (size > 0) parts.push(body, tarPadding(size));
  }
  parts.push(TAR_END);
  return Buffer.concat(parts);
}

export const tarGz = (entries: TarEntrySpec[]): Buffer => gzipSync(tar(entries));

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntrySpec {
  name: string;
  body?: Buffer | string;
  /** Unix mode in the external attributes (0o120777 makes a symlink). */
  unixMode?: number;
}

/** A zip with stored (uncompressed) entries. */
export function zip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = Buffer.from(e.body ?? '');
    const crc = crc32(body);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
