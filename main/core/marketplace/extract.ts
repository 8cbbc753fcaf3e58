import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { Unpack, type ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { MAX_PACKAGE_ENTRIES } from '../../../shared/models';
import { mb } from './download';
import { PackageRefused } from './errors';

export interface ExtractLimits {
  /** The sum of the entries' sizes may not exceed this (the kind's download limit). */
  maxUnpackedBytes: number;
  maxEntries?: number;
}

export interface Extracted {
  entries: number;
  bytes: number;
}

/** Tar record overhead allowed on top of the files' bytes: 512-byte headers and padding. */
const TAR_SLACK_BYTES = 2 * 1024 * 1024;

/**
 * Unpacks a downloaded package (tar.gz, or zip) into `dir`, an empty temp dir, refusing the
 * whole package at the first entry that is not a plain file or directory with a relative
 * path inside `dir` (no `..`, no absolute path, no symlink, hard link or device), at the
 * entry beyond `maxEntries`, and as soon as the unpacked bytes pass the limit: a
 * decompression bomb is stopped after reading the header that announces it, and a stream
 * that inflates beyond the limit is cut off while it inflates.
 */
export async function extractPackage(file: string, dir: string, limits: ExtractLimits): Promise<Extracted> {
  const magic = await readMagic(file);
  if (magic[0] === 0x1f && magic[1] === 0x8b) return extractTarGz(file, dir, limits);
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04)
    return extractZip(file, dir, limits);
  throw new PackageRefused('it is neither a tar.gz nor a zip archive');
}

async function readMagic(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    await fh.read(buf, 0, 4, 0);
    return buf;
  } finally {
    await fh.close();
  }
}

/** Why an entry's path is refused, or null. Paths use "/" (tar and zip both do). */
export function pathProblem(raw: string): string | null {
  if (raw.length === 0) return 'an entry has an empty name';
  if (raw.includes('\0')) return `the entry "${raw.replace(/\0/g, '\\0')}" has a NUL byte in its name`;
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw))
    return `the entry "${raw}" has an absolute path`;
  if (raw.split(/[\\/]/).includes('..')) return `the entry "${raw}" points outside the package ("..")`;
  return null;
}

/** A tar entry type → why it is refused, or null for a plain file or directory. */
function typeProblem(type: string, p: string): string | null {
  switch (type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
    case 'Directory':
      return null;
    case 'SymbolicLink':
      return `the entry "${p}" is a symbolic link`;
    case 'Link':
      return `the entry "${p}" is a hard link`;
    case 'CharacterDevice':
    case 'BlockDevice':
    case 'FIFO':
      return `the entry "${p}" is a device or FIFO (${type})`;
    default:
      return `the entry "${p}" has the unsupported type ${type}`;
  }
}

class Tally {
  entries = 0;
  bytes = 0;
  constructor(private readonly limits: ExtractLimits) {}

  /** Counts one entry of `size` bytes; the refusal reason when that passes a limit. */
  add(size: number): string | null {
    const max = this.limits.maxEntries ?? MAX_PACKAGE_ENTRIES;
    this.entries++;
    if (this.entries > max) return `it holds more than ${max} entries`;
    this.bytes += size;
    if (this.bytes > this.limits.maxUnpackedBytes) {
      return `it unpacks to more than ${mb(this.limits.maxUnpackedBytes)} (a decompression bomb, or simply too big)`;
    }
    return null;
  }
}

/** Passes bytes on until `max`, then fails: bounds what gunzip may produce whatever the headers say. */
class ByteCap extends Transform {
  private seen = 0;
  constructor(
    private readonly max: number,
    private readonly reason: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) cb(new PackageRefused(this.reason));
    else cb(null, chunk);
  }
}

function extractTarGz(file: string, dir: string, limits: ExtractLimits): Promise<Extracted> {
  const tally = new Tally(limits);
  let refusal: PackageRefused | null = null;
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const cap = new ByteCap(
    limits.maxUnpackedBytes + TAR_SLACK_BYTES,
    `it unpacks to more than ${mb(limits.maxUnpackedBytes)} (a decompression bomb, or simply too big)`,
  );
  return new Promise<Extracted>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      source.destroy();
      gunzip.destroy();
      cap.destroy();
      reject(
        refusal ??
          (e instanceof PackageRefused
            ? e
            : new PackageRefused(`it is not a readable tar.gz (${(e as Error).message})`)),
      );
    };
    const unpack = new Unpack({
      cwd: dir,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      noMtime: true,
      // The filter sees each header before any of its bytes are written: the first bad one
      // refuses the package and nothing after it is read.
      filter: (p: string, entry: ReadEntry | import('node:fs').Stats) => {
        if (refusal) return false;
        const e = entry as ReadEntry;
        const problem = pathProblem(e.header?.path ?? p) ?? typeProblem(e.type, p) ?? tally.add(e.size ?? 0);
        if (problem) {
          refusal = new PackageRefused(problem);
          queueMicrotask(() => fail(refusal));
          return false;
        }
        return true;
      },
    });
    unpack.on('error', fail);
    unpack.on('end', () => {
      if (refusal) return fail(refusal);
      if (settled) return;
      settled = true;
      resolve({ entries: tally.entries, bytes: tally.bytes });
    });
    source.on('error', fail);
    gunzip.on('error', fail);
    cap.on('error', fail);
    source.pipe(gunzip).pipe(cap).pipe(unpack);
  });
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

async function extractZip(file: string, dir: string, limits: ExtractLimits): Promise<Extracted> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    // decodeStrings makes yauzl refuse absolute and ".." names itself; validateEntrySizes
    // fails an entry that inflates to more than its header said.
    yauzl.open(
      file,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true },
      (err, z) => (err ? reject(zipRefusal(err)) : resolve(z)),
    ),
  );
  const max = limits.maxEntries ?? MAX_PACKAGE_ENTRIES;
  try {
    if (zip.entryCount > max) throw new PackageRefused(`it holds more than ${max} entries`);
    const tally = new Tally(limits);
    await new Promise<void>((resolve, reject) => {
      const next = (entry: yauzl.Entry) => {
        writeZipEntry(zip, entry, dir, tally).then(() => zip.readEntry(), reject);
      };
      zip.on('entry', next);
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(zipRefusal(e)));
      zip.readEntry();
    });
    return { entries: tally.entries, bytes: tally.bytes };
  } finally {
    zip.close();
  }
}

function zipRefusal(e: Error): PackageRefused {
  if (e instanceof PackageRefused) return e;
  const m = /^(absolute path|invalid relative path): (.*)$/.exec(e.message);
  if (m) return new PackageRefused(pathProblem(m[2] ?? '') ?? `the entry "${m[2]}" has an unsafe path`);
  return new PackageRefused(`it is not a readable zip (${e.message})`);
}

async function writeZipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, dir: string, tally: Tally): Promise<void> {
  const name = entry.fileName;
  const problem = pathProblem(name);
  if (problem) throw new PackageRefused(problem);
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const isDir = name.endsWith('/');
  if (mode === S_IFLNK) throw new PackageRefused(`the entry "${name}" is a symbolic link`);
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR)
    throw new PackageRefused(`the entry "${name}" is a device or special file`);
  const tooMuch = tally.add(isDir ? 0 : entry.uncompressedSize);
  if (tooMuch) throw new PackageRefused(tooMuch);
  const target = path.resolve(dir, name);
  if (target !== dir && !target.startsWith(dir + path.sep))
    throw new PackageRefused(`the entry "${name}" points outside the package`);
  if (isDir) {
    await mkdir(target, { recursive: true });
    return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(zipRefusal(err)) : resolve(s))),
  );
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } catch (e) {
    throw zipRefusal(e as Error);
  } finally {
    out.end();
    await once(out, 'close').catch(() => undefined);
  }
}
