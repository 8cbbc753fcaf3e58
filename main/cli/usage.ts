import type { Command } from './command';

export function generalUsage(commands: Iterable<Command>): string {
  const list = [...commands];
  const width = Math.max(...list.map((c) => c.name.length), 4);
  return [
    'Usage: mockdeck <command> [options]',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show help for a command: mockdeck help <command>`,
    '',
    'Options:',
    '  -h, --help      show help',
    '  -v, --version   print the MockDeck version',
    '',
    'Run `mockdeck <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

export function commandUsage(c: Command): string {
  return [`Usage: ${c.usage}`, '', c.summary, ...(c.help ? ['', c.help] : []), ''].join('\n');
}
