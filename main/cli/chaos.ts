import { z } from 'zod';
import { AppError } from '../core/util/errors';
import { EXIT_OK, UsageError, type CliIo, type Command, type CommandArgs } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { callServer, SERVER_HELP, serverOptions, serverTarget } from './management-client';

/** The switch as `server.status` and `GET/PUT /chaos` report it. */
const chaosStateSchema = z.object({ enabled: z.boolean(), settings: z.number().int().min(0) });
type ChaosState = z.infer<typeof chaosStateSchema>;

export const chaosCommand: Command = {
  name: 'chaos',
  summary: 'show or set the chaos kill switch (off: no mock or project injects latency, errors or faults)',
  usage: 'mockdeck chaos [on|off] [--url URL [--token T]] [--json] [--data-dir DIR]',
  help: `  on               let mocks and projects with a chaos setting inject it (the default)
  off              turn all chaos off at once; every setting is kept for when it is on again
  (nothing)        print the switch and how many mocks and projects have a chaos setting
  --json           one JSON object instead of a sentence
${SERVER_HELP}
${DATA_DIR_HELP}

Without --url the switch is saved in the data dir: the app and \`mockdeck serve\` read it when
they start, and a server already running keeps its own. With --url, the server running there
switches at once (and saves it in its own data dir). For one run only, \`mockdeck serve --no-chaos\`.`,
  options: { json: { type: 'boolean' }, ...serverOptions, ...dataDirOption },
  positionals: { min: 0, max: 1 },
  async run(args, io) {
    const wanted = switchArg(args);
    const server = serverTarget(args, io);
    let state: ChaosState;
    if (server) {
      const answer =
        wanted === undefined
          ? await callServer(server, 'GET', '/chaos')
          : await callServer(server, 'PUT', '/chaos', { enabled: wanted });
      const parsed = chaosStateSchema.safeParse(answer);
      if (!parsed.success) {
        throw new AppError('SERVER_ERROR', `the server at ${server.url.origin} answered /chaos with something else`, {
          hint: 'is --url a MockDeck server of this version?',
        });
      }
      state = parsed.data;
    } else {
      state = (
        await withCalls(dataDirOf(args, io), (call) =>
          wanted === undefined ? call('server.status', {}) : call('chaos.setEnabled', { enabled: wanted }),
        )
      ).chaos;
    }
    printChaos(state, args, io, server?.url.origin);
    return EXIT_OK;
  },
};

function switchArg(args: CommandArgs): boolean | undefined {
  const [arg] = args.positionals;
  if (arg === undefined) return undefined;
  if (arg === 'on' || arg === 'off') return arg === 'on';
  throw new UsageError(`mockdeck chaos takes "on" or "off", got "${arg}"`, chaosCommand);
}

function printChaos({ enabled, settings }: ChaosState, args: CommandArgs, io: CliIo, server?: string): void {
  if (args.values.json === true) {
    io.stdout(`${JSON.stringify({ enabled, settings })}\n`);
    return;
  }
  const where = server ? ` on the server at ${server}` : '';
  const what = `${settings} ${settings === 1 ? 'mock or project has' : 'mocks and projects have'} a chaos setting`;
  io.stdout(enabled ? `chaos is on${where} (${what})\n` : `chaos is off${where}: ${what}, kept for when it is on\n`);
}
