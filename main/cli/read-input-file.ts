import { readFileSync } from 'node:fs';
import { AppError } from '../core/util/errors';

/**
 * Reads a file named on the command line; a missing or unreadable one is NOT_FOUND naming it
 * as the user wrote it (`shownAs`) and why (ENOENT, EACCES…), never a stack trace.
 */
export function readInputFile(file: string, shownAs?: string): Buffer;
export function readInputFile(file: string, shownAs: string | undefined, encoding: 'utf8'): string;
export function readInputFile(file: string, shownAs = file, encoding?: 'utf8'): Buffer | string {
  try {
    return encoding ? readFileSync(file, encoding) : readFileSync(file);
  } catch (e) {
    throw new AppError(
      'NOT_FOUND',
      `cannot read ${shownAs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}
