import http from 'node:http';
import https from 'node:https';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { ErrorCode } from '../../shared/ipc/result';
import { AppError } from '../core/util/errors';
import { API_TOKEN_ENV, apiTokenFile, checkApiToken, readToken } from '../core/util/local-token';
import { stringOption, UsageError, type CliIo, type CommandArgs } from './command';
import { dataDirOf } from './data-dir-option';
import { warnTokenFlag } from './token-flag';

/**
 * Calls on a MockDeck server that is already running, over its management REST API: for
 * commands whose effect must reach that process (its in-memory state), not only the data
 * dir. The token is found as `serve` finds it, so the same data dir just works.
 */
export const serverOptions: ParseArgsOptionsConfig = { url: { type: 'string' }, token: { type: 'string' } };
export const SERVER_HELP = `  --url URL        a running MockDeck server (what \`mockdeck serve\` printed as "url",
                   e.g. http://127.0.0.1:3001): switch that server, over its management API
  --token T        its management API token (default: $${API_TOKEN_ENV}, else
                   <data-dir>/api-token; --token is visible to other users in ps)`;

export interface ServerTarget {
  url: URL;
  token: string;
  /** Where the token came from, for the message when the server refuses it. */
  tokenSource: string;
}

/** Answers larger than this are not a management answer: refused rather than buffered. */
const MAX_ANSWER_BYTES = 1024 * 1024;
const TIMEOUT_MS = 10_000;

/** The server `--url` names with its token, or undefined without `--url`. */
export function serverTarget(args: CommandArgs, io: CliIo): ServerTarget | undefined {
  const raw = stringOption(args, 'url')?.trim();
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url must be the server's URL, e.g. http://127.0.0.1:3001, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--url must start with http:// or https://, got "${raw}"`);
  return { url, ...tokenOf(args, io) };
}

function tokenOf(args: CommandArgs, io: CliIo): { token: string; tokenSource: string } {
  const flag = stringOption(args, 'token')?.trim();
  if (flag) {
    warnTokenFlag(io);
    return { token: checkApiToken(flag, '--token'), tokenSource: '--token' };
  }
  const env = io.env[API_TOKEN_ENV]?.trim();
  if (env) return { token: checkApiToken(env, `$${API_TOKEN_ENV}`), tokenSource: `$${API_TOKEN_ENV}` };
  const file = apiTokenFile(dataDirOf(args, io));
  const text = readToken(file);
  if (!text) {
    throw new AppError('UNAUTHORIZED', `no management API token: ${file} does not exist`, {
      hint: `pass --data-dir of the running server (its api-token file), or set $${API_TOKEN_ENV}`,
    });
  }
  return { token: checkApiToken(text, file), tokenSource: file };
}

/**
 * One management call on the running server; resolves to the answer's `data`. node:http, not
 * fetch: fetch refuses "bad ports" (22, 6000…) a server may be on. Bounded: 10 s, 1 MiB.
 */
export async function callServer(
  target: ServerTarget,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const url = new URL(path, target.url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method,
        timeout: TIMEOUT_MS,
        headers: {
          authorization: `Bearer ${target.token}`,
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error('the answer is larger than 1 MiB'));
          else chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(payload);
  }).catch((e: Error) => {
    throw new AppError('SERVER_ERROR', `no MockDeck server answers at ${target.url.origin}: ${e.message}`, {
      hint: 'check --url (the "url" `mockdeck serve` printed) and that the server is running',
    });
  });

  const json = parseJson(text);
  if (status >= 200 && status < 300) return json?.data;
  if (status === 401) {
    throw new AppError(
      'UNAUTHORIZED',
      `the server at ${target.url.origin} refused the token from ${target.tokenSource}`,
      {
        hint: `use the token of that server: --data-dir of its data dir, $${API_TOKEN_ENV}, or --token`,
      },
    );
  }
  const message = typeof json?.message === 'string' ? json.message : `${method} ${url.pathname} answered ${status}`;
  const hint = typeof json?.hint === 'string' ? json.hint : undefined;
  const field = typeof json?.field === 'string' ? json.field : undefined;
  throw new AppError(codeFor(status), `the server at ${target.url.origin}: ${message}`, {
    ...(hint ? { hint } : {}),
    ...(field ? { field } : {}),
  });
}

function codeFor(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'VALIDATION_ERROR';
  if (status === 404) return 'NOT_FOUND';
  if (status === 403) return 'FORBIDDEN';
  if (status === 409) return 'CONFLICT';
  return 'SERVER_ERROR';
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
