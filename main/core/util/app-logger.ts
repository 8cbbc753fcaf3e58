import path from 'node:path';
import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import type { Logger } from './logger';
import { ensurePrivateDir } from './private-files';
import { redact, redactError, redactHeaders } from './redact';
import { RotatingFile } from './rotating-file';

export const LOGS_DIR = 'logs';
export const LOG_FILE = 'mockdeck.log';
/** 5 MiB a file, the live one and 3 older: the app log never takes more than 20 MiB. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILES_KEPT = 3;

export interface AppLoggerOptions {
  /** The log file goes to <dataDir>/logs/mockdeck.log (dir 0700, files 0600). */
  dataDir: string;
  maxBytes?: number;
  keep?: number;
  /** Where else each line goes: stderr when absent; null for the file only. */
  also?: DestinationStream | null;
}

/** A Logger that can be closed (its file released): what openApp owns. */
export interface ClosableLogger extends Logger {
  readonly file: string;
  close(): void;
}

/**
 * The app's log: one JSON line per event (pino: time, level, msg, and the event's fields,
 * `requestId` first among them when there is one), to stderr and to a size-capped rotating file
 * in the data dir, where "see the MockDeck log" sends users. pino because it is the logger
 * fastify itself is built on (already installed with it), writes plain JSON lines any tool
 * reads, and serialises errors with their cause. Every string that reaches it passes
 * redact(): the messages and details the app logs are meant to hold no secrets, this is the
 * net under that.
 */
export function createAppLogger(opts: AppLoggerOptions): ClosableLogger {
  const dir = path.join(opts.dataDir, LOGS_DIR);
  ensurePrivateDir(dir);
  const file = path.join(dir, LOG_FILE);
  const rotating = new RotatingFile({
    file,
    maxBytes: opts.maxBytes ?? LOG_MAX_BYTES,
    keep: opts.keep ?? LOG_FILES_KEPT,
  });
  const also = opts.also === undefined ? process.stderr : opts.also;
  const streams: { stream: DestinationStream }[] = [{ stream: rotating }];
  if (also) streams.push({ stream: also });
  const log: Pino = pino(
    { base: { app: 'mockdeck' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.multistream(streams),
  );
  return {
    file,
    error: (message, details) => log.error(fields(details), redact(message)),
    warn: (message, details) => log.warn(fields(details), redact(message)),
    close: () => {
      log.flush();
      rotating.close();
    },
  };
}

/** The details of an event as log fields, secrets masked, at most a few levels deep. */
function fields(details: unknown): Record<string, unknown> {
  if (details === undefined) return {};
  const scrubbed = scrub(details, 0);
  return scrubbed !== null && typeof scrubbed === 'object' && !Array.isArray(scrubbed)
    ? (scrubbed as Record<string, unknown>)
    : { details: scrubbed };
}

const MAX_DEPTH = 6;
const SECRET_KEY =
  /^(?:pass(?:word|wd)?|secret|client[_-]?secret|token|access[_-]?token|api[_-]?key|apikey|authorization|cookie)$/i;

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) {
    const e = redactError(value);
    return { type: e.name, message: e.message, stack: e.stack };
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k)
      ? '•••'
      : k === 'headers' && v !== null && typeof v === 'object'
        ? redactHeaders(v as Record<string, string | string[] | undefined>)
        : scrub(v, depth + 1);
  }
  return out;
}
