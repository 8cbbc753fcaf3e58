import { DEFAULT_HTTP_LIMITS, MAX_LIMIT_MS, type HttpLimits } from '../core/server/http-limits';
import { UsageError, stringOption, type CommandArgs } from './command';

/** The flags of the commands that run the mock server, and the limit each sets. */
const FLAGS = {
  'headers-timeout': 'headersTimeoutMs',
  'request-timeout': 'requestTimeoutMs',
  'shutdown-grace': 'shutdownGraceMs',
} as const satisfies Record<string, keyof HttpLimits>;

export const httpLimitsOptions = {
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'shutdown-grace': { type: 'string' },
} as const;

export const HTTP_LIMITS_HELP = `  --request-timeout MS   close a client's connection (408) when its request, body included, has
                         not fully arrived after MS (default ${DEFAULT_HTTP_LIMITS.requestTimeoutMs}; 0 = never); a mock's delay is not counted
  --headers-timeout MS   the same for the request's headers (default ${DEFAULT_HTTP_LIMITS.headersTimeoutMs}; at most the request timeout)
  --shutdown-grace MS    on stop, how long requests in flight may finish before every
                         connection is closed (default ${DEFAULT_HTTP_LIMITS.shutdownGraceMs})`;

/** The limits given on the command line; those not given are left to the defaults. */
export function httpLimitOptions(args: CommandArgs): Partial<HttpLimits> {
  const limits: Partial<HttpLimits> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const raw = stringOption(args, flag);
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > MAX_LIMIT_MS) {
      throw new UsageError(`--${flag} must be a whole number of milliseconds from 0 to ${MAX_LIMIT_MS}, got "${raw}"`);
    }
    limits[key] = n;
  }
  if (
    limits.headersTimeoutMs !== undefined &&
    limits.requestTimeoutMs !== undefined &&
    limits.requestTimeoutMs > 0 &&
    limits.headersTimeoutMs > limits.requestTimeoutMs
  ) {
    throw new UsageError(
      '--headers-timeout cannot be longer than --request-timeout: the headers are part of the request',
    );
  }
  return limits;
}
