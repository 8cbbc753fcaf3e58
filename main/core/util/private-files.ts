import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The data dir holds every mock, every logged request and the management API token: only its
 * owner may read it. Directories are made 0700 and files 0600, and ones an older MockDeck made
 * with the umask's looser modes (0755, 0644) are tightened when opened. POSIX modes only: on
 * Windows the user's profile ACLs already keep other users out.
 */
const POSIX = process.platform !== 'win32';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only, or makes an existing one owner-only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty and owner-only if it does not exist, else makes it owner-only. For a
 * SQLite file call it before opening: SQLite gives the -wal and -shm files it creates the
 * database file's mode.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (POSIX) tighten(file, PRIVATE_FILE_MODE);
}

/** Makes an existing file owner-only; a missing one is left missing. */
export function tightenIfExists(file: string): void {
  if (!POSIX) return;
  try {
    tighten(file, PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

// The mode given at creation is filtered by the umask; chmod is not.
function tighten(target: string, mode: number): void {
  if ((statSync(target).mode & 0o777) !== mode) chmodSync(target, mode);
}
