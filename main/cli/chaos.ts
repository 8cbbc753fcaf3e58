import type { ServerState } from '../../shared/ipc/contract';
import { EXIT_OK, UsageError, type CliIo, type Command, type CommandArgs } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';

export const chaosCommand: Command = {
  name: 'chaos',
  summary: 'show or set the chaos kill switch (off: no mock or project injects latency, errors or faults)',
  usage: 'mockdeck chaos [on|off] [--json] [--data-dir DIR]',
  help: `  on               let mocks and projects with a chaos setting inject it (the default)
  off              turn all chaos off at once; every setting is kept for when it is on again
  (nothing)        print the switch and how many mocks and projects have a chaos setting
  --json           one JSON object instead of a sentence
${DATA_DIR_HELP}

The switch is saved in the data dir: the app and \`mockdeck serve\` read it when they start
(a server already running keeps its own; use the toggle in its toolbar). For one run only,
\`mockdeck serve --no-chaos\`.`,
  options: { json: { type: 'boolean' }, ...dataDirOption },
  positionals: { min: 0, max: 1 },
  async run(args, io) {
    const wanted = switchArg(args);
    const state = await withCalls(dataDirOf(args, io), (call) =>
      wanted === undefined ? call('server.status', {}) : call('chaos.setEnabled', { enabled: wanted }),
    );
    printChaos(state, args, io);
    return EXIT_OK;
  },
};

function switchArg(args: CommandArgs): boolean | undefined {
  const [arg] = args.positionals;
  if (arg === undefined) return undefined;
  if (arg === 'on' || arg === 'off') return arg === 'on';
  throw new UsageError(`mockdeck chaos takes "on" or "off", got "${arg}"`, chaosCommand);
}

function printChaos(state: ServerState, args: CommandArgs, io: CliIo): void {
  const { enabled, settings } = state.chaos;
  if (args.values.json === true) {
    io.stdout(`${JSON.stringify({ enabled, settings })}\n`);
    return;
  }
  const what = `${settings} ${settings === 1 ? 'mock or project has' : 'mocks and projects have'} a chaos setting`;
  io.stdout(enabled ? `chaos is on (${what})\n` : `chaos is off: ${what}, kept for when it is on\n`);
}
