import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../core/app';
import { importDocument } from '../core/transfer';
import { AppError } from '../core/util/errors';
import type { CliIo, CommandArgs } from './command';
import { UsageError } from './command';
import { readInputFile } from './read-input-file';

/** Where a read-only replica's request logs go (`mockdeck serve --project … --logs`). */
export type LogSink = 'memory' | 'stdout' | 'off';
export const LOG_SINKS: readonly LogSink[] = ['memory', 'stdout', 'off'];
/** Rows a replica keeps in memory for the management API's log routes. */
export const REPLICA_LOG_RETENTION = 10_000;

export function projectFilesOf(args: CommandArgs, io: CliIo): string[] {
  const raw = args.values.project;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((f) => {
    if (typeof f !== 'string' || f.trim() === '') throw new UsageError('--project needs a file path');
    return path.resolve(io.cwd, f);
  });
}

export function logSinkOf(args: CommandArgs): LogSink {
  const raw = args.values.logs;
  if (raw === undefined) return 'memory';
  if (typeof raw === 'string' && (LOG_SINKS as readonly string[]).includes(raw)) return raw as LogSink;
  throw new UsageError(`--logs must be one of ${LOG_SINKS.join(', ')} (got "${String(raw)}")`);
}

/**
 * Loads each project file (any format `mockdeck import` reads) into the replica's in-memory
 * catalog. The files are only read: nothing is ever written next to them. A file that does
 * not load stops the start with its name, so a broken deploy fails its health check at once
 * instead of serving half the mocks.
 */
export async function loadProjectFiles(app: App, files: readonly string[]): Promise<{ file: string; slug: string }[]> {
  const loaded: { file: string; slug: string }[] = [];
  for (const file of files) {
    const text = readInputFile(file, file, 'utf8');
    try {
      const dir = path.dirname(file);
      const r = await importDocument(
        app.catalog,
        { content: text, format: 'auto', fileName: file },
        { readFile: (rel) => readInside(dir, rel) },
      );
      loaded.push({ file, slug: r.slug });
    } catch (e) {
      if (e instanceof AppError)
        throw new AppError(
          e.code,
          `${path.basename(file)}: ${e.message}`,
          e.hint === undefined ? {} : { hint: e.hint },
        );
      throw e;
    }
  }
  return loaded;
}

/** A file a document refers to, only inside the document's folder. */
function readInside(dir: string, rel: string): string | undefined {
  const target = path.resolve(dir, rel);
  if (target !== dir && !target.startsWith(dir + path.sep)) return undefined;
  try {
    return readFileSync(target, 'utf8');
  } catch {
    return undefined;
  }
}
