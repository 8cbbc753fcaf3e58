import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { AppError } from '../core/util/errors';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command, type CommandArgs } from './command';
import { COMMANDS, commandTable } from './commands';
import { commandUsage, generalUsage } from './usage';

export const VERSION: string = pkg.version;

/** Runs `mockdeck <argv…>` and resolves to the exit code; never throws. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  let table: ReadonlyMap<string, Command>;
  try {
    table = commandTable(commands);
  } catch (e) {
    io.stderr(`mockdeck: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(generalUsage(table.values()));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') return print(io, generalUsage(table.values()));
  if (first === '--version' || first === '-v') return print(io, `${VERSION}\n`);
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return print(io, generalUsage(table.values()));
    const c = table.get(topic);
    if (!c) return usageError(io, new UsageError(`unknown command "${topic}"`), table);
    return print(io, commandUsage(c));
  }
  const command = table.get(first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`;
    return usageError(io, new UsageError(what), table);
  }
  if (rest.includes('--help') || rest.includes('-h')) return print(io, commandUsage(command));

  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e, table);
    io.stderr(`mockdeck ${command.name}: error: ${describe(e)}\n`);
    if (io.env.MOCKDECK_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_FAILURE;
  }
}

function parseCommandArgs(command: Command, argv: string[]): CommandArgs {
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  let parsed: CommandArgs;
  try {
    const r = parseArgs({ args: argv, options: command.options, strict: true, allowPositionals: max > 0 });
    parsed = { values: r.values, positionals: r.positionals };
  } catch (e) {
    // parseArgs explains unknown flags, missing values and stray arguments well; keep its words.
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'invalid arguments', command);
  }
  if (parsed.positionals.length < min)
    throw new UsageError(`${command.name} needs ${min === 1 ? 'an argument' : `${min} arguments`}`, command);
  if (parsed.positionals.length > max)
    throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`, command);
  return parsed;
}

/** One line, no stack: the message, the field at fault and what to do. */
function describe(e: unknown): string {
  if (e instanceof AppError) {
    const where = e.field && !e.message.startsWith(e.field) ? `${e.field}: ` : '';
    return `${where}${e.message}${e.hint ? ` (${e.hint})` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

function usageError(io: CliIo, e: UsageError, table: ReadonlyMap<string, Command>): number {
  io.stderr(`mockdeck: ${e.message}\n\n${e.command ? commandUsage(e.command) : generalUsage(table.values())}`);
  return EXIT_USAGE;
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return EXIT_OK;
}
