import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { ensurePrivateDir, tightenIfExists } from './private-files';

export const API_TOKEN_FILE = 'api-token';
export const API_TOKEN_ENV = 'MOCKDECK_API_TOKEN';
/** Shorter tokens can be guessed by anyone on the network who can reach the API. */
export const MIN_API_TOKEN_LENGTH = 16;

/** Where the management API token of a data dir is kept. */
export function apiTokenFile(dataDir: string): string {
  return path.join(dataDir, API_TOKEN_FILE);
}

/** 32 random bytes, base64url: 43 characters, safe in a header and a shell. */
export function generateApiToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Refuses a token a user chose that is too short to guard the API; `source` names where it
 * came from (`--token`, `$MOCKDECK_API_TOKEN`, the file) so the message says what to fix.
 */
export function checkApiToken(token: string, source: string): string {
  if (token.length >= MIN_API_TOKEN_LENGTH) return token;
  throw new AppError(
    'VALIDATION_ERROR',
    `the management API token from ${source} is ${token.length} characters long; it needs at least ${MIN_API_TOKEN_LENGTH}`,
    {
      hint: `use a longer random token (e.g. \`openssl rand -base64 32\`), or remove it to let MockDeck generate one`,
    },
  );
}

/**
 * The token that guards the local management REST API, in order of precedence:
 * an explicit override, $MOCKDECK_API_TOKEN, <dataDir>/api-token, or a new token written
 * there. The file persists so scripts keep working across restarts; it is 0600 because
 * anyone who reads it can rewrite every mock. Tokens from the environment or the file must
 * be at least MIN_API_TOKEN_LENGTH characters (callers check their own overrides).
 */
export function resolveApiToken(opts: { dataDir: string | null; override?: string | undefined }): string {
  const override = opts.override?.trim();
  if (override) return override;
  const fromEnv = process.env[API_TOKEN_ENV]?.trim();
  if (fromEnv) return checkApiToken(fromEnv, `$${API_TOKEN_ENV}`);
  if (opts.dataDir === null) return generateApiToken();

  const file = apiTokenFile(opts.dataDir);
  const existing = readToken(file);
  if (existing) {
    tightenIfExists(file);
    return checkApiToken(existing, file);
  }

  const token = generateApiToken();
  ensurePrivateDir(opts.dataDir);
  // 'wx' fails if another process created the file meanwhile; then its token wins.
  try {
    writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      const raced = readToken(file);
      if (raced) return raced;
      writeFileSync(file, `${token}\n`, { mode: 0o600 });
    } else {
      throw e;
    }
  }
  // The mode passed to writeFileSync is filtered by the umask; make sure it is owner-only.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return token;
}

/** The token in `file`, trimmed; undefined when the file is missing or empty. */
export function readToken(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
