import { closeSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { PRIVATE_FILE_MODE, tightenIfExists } from './private-files';

export interface RotatingFileOptions {
  /** The live file, e.g. <dataDir>/logs/mockdeck.log; older ones are <file>.1 (newest) … <file>.<keep>. */
  file: string;
  /** The size a file may reach before the next line goes to a fresh one. */
  maxBytes: number;
  /** Older files kept besides the live one. */
  keep: number;
}

/**
 * A size-capped log file: a line that would take the live file past `maxBytes` first moves it
 * to <file>.1 (shifting the older ones, the oldest dropped), so the logs never take more than
 * (keep + 1) × maxBytes. Writes are synchronous: the app logs failures and warnings, not
 * requests, and a line must be on disk before a crash that may follow it. A pino destination.
 */
export class RotatingFile {
  private fd: number;
  private size: number;

  constructor(private readonly opts: RotatingFileOptions) {
    this.fd = this.open();
    this.size = fstatSync(this.fd).size;
  }

  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.opts.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
    return true;
  }

  close(): void {
    closeSync(this.fd);
  }

  private open(): number {
    const fd = openSync(this.opts.file, 'a', PRIVATE_FILE_MODE);
    tightenIfExists(this.opts.file);
    return fd;
  }

  private rotate(): void {
    closeSync(this.fd);
    const { file, keep } = this.opts;
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    if (keep > 0) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    this.fd = this.open();
    this.size = 0;
  }
}
