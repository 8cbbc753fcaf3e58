import type { ParseArgsOptionsConfig } from 'node:util';

/** Where a command writes and what it may read; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type OptionValue = string | boolean | (string | boolean)[] | undefined;

export interface CommandArgs {
  values: Record<string, OptionValue>;
  positionals: string[];
}

/**
 * One `mockdeck <name>` command. The dispatcher parses argv with node:util parseArgs in
 * strict mode from `options` and `positionals`, so commands never see unknown flags.
 */
export interface Command {
  name: string;
  /** One line for `mockdeck --help`. */
  summary: string;
  /** The synopsis, e.g. "mockdeck export --project SLUG [--out FILE]". */
  usage: string;
  /** Option and argument descriptions shown by `mockdeck <name> --help`. */
  help?: string;
  options: ParseArgsOptionsConfig;
  /** How many positionals it takes (default none); a command with subcommands allows more. */
  positionals?: { min: number; max: number };
  /** Resolves to the process exit code. */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

/** Wrong invocation: the dispatcher prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function stringOption(args: CommandArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a port flag: 0 means "any free port". */
export function portOption(args: CommandArgs, name: string, fallback: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UsageError(`--${name} must be a port number from 0 to 65535 (0 = any free port), got "${raw}"`);
  }
  return n;
}
