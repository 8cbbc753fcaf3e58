import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_BODY_LENGTH } from '../../../../../shared/models';
import { loadEnvironment, looksLikeEnvironment } from './environment';

/**
 * File bodies of a Mockoon environment, read for `mockdeck import` from the environment's
 * folder. An environment is a file anyone may send: its file paths are refused when they
 * leave that folder (`../`, an absolute path, a symlink pointing out), and a file larger than
 * a response body may be is not read. Paths with templates are left to the reader to report.
 */
export function referencedFiles(data: unknown, dir: string): Record<string, string> | undefined {
  if (!looksLikeEnvironment(data)) return undefined;
  let paths: string[];
  try {
    const { routes } = loadEnvironment(data, []);
    paths = routes.flatMap((r) => r.responses.filter((x) => x.bodyType === 'FILE').map((x) => x.filePath.trim()));
  } catch {
    return undefined; // the import itself says what is wrong with the document
  }
  const files: Record<string, string> = {};
  for (const p of new Set(paths)) {
    if (p === '' || p.includes('{{')) continue;
    const text = readInside(dir, p);
    if (text !== undefined) files[p] = text;
  }
  return files;
}

/** The UTF-8 text of `relative` inside `dir`, or undefined when it is outside, missing or too large. */
export function readInside(dir: string, relative: string): string | undefined {
  try {
    const root = realpathSync(dir);
    if (path.isAbsolute(relative)) return undefined;
    const target = realpathSync(path.resolve(root, relative));
    const rel = path.relative(root, target);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const st = statSync(target);
    if (!st.isFile() || st.size > MAX_BODY_LENGTH) return undefined;
    return readFileSync(target, 'utf8');
  } catch {
    return undefined;
  }
}
