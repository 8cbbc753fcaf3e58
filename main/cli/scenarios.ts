import { z } from 'zod';
import { SCENARIO_START_STATE, type ScenarioState } from '../../shared/models';
import { AppError } from '../core/util/errors';
import { EXIT_OK, UsageError, type CliIo, type Command, type CommandArgs } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { callServer, SERVER_HELP, serverOptions, serverTarget, type ServerTarget } from './management-client';
import { projectIdOf, remoteProjectIdOf } from './project-ref';

const scenarioListSchema = z.array(
  z.object({ name: z.string(), state: z.string(), states: z.array(z.string()), responses: z.number() }),
);

export const scenariosCommand: Command = {
  name: 'scenarios',
  summary: "list a project's scenarios and their states, or put them back in their start state",
  usage: 'mockdeck scenarios PROJECT [--reset [NAME]] [--url URL [--token T]] [--json] [--data-dir DIR]',
  help: `  PROJECT          the project's slug or id
  --reset [NAME]   put scenario NAME (without a name: every scenario of the project) back in
                   "${SCENARIO_START_STATE}"
  --json           one JSON array (name, state, states, responses) instead of a table
${SERVER_HELP}
${DATA_DIR_HELP}

Scenario states (docs/rules.md) live in the memory of the server that serves the project:
pass --url to see and reset those of a running \`mockdeck serve\`. Without --url the command
reads the data dir, where every scenario is in "${SCENARIO_START_STATE}" (what a server starts
with), so --reset needs --url.`,
  options: { reset: { type: 'boolean' }, json: { type: 'boolean' }, ...serverOptions, ...dataDirOption },
  // PROJECT, and NAME after --reset (parseArgs has no optional option values).
  positionals: { min: 1, max: 2 },
  async run(args, io) {
    const [slugOrId, name] = args.positionals as [string, string | undefined];
    const reset = args.values.reset === true;
    if (name !== undefined && !reset) {
      throw new UsageError(`mockdeck scenarios takes one project, got "${slugOrId}" and "${name}"`, scenariosCommand);
    }
    const server = serverTarget(args, io);
    if (reset && !server) {
      throw new UsageError(
        'scenario states live in the memory of the server that serves the project: --reset needs --url URL of that server',
        scenariosCommand,
      );
    }
    const list = server
      ? await remote(server, slugOrId, reset, name)
      : await withCalls(dataDirOf(args, io), async (call) =>
          call('scenarios.list', { projectId: await projectIdOf(call, slugOrId) }),
        );
    if (reset) {
      io.stderr(
        name === undefined
          ? `every scenario of project "${slugOrId}" is back in "${SCENARIO_START_STATE}"\n`
          : `scenario "${name}" is back in "${SCENARIO_START_STATE}"\n`,
      );
    }
    print(list, slugOrId, args, io);
    return EXIT_OK;
  },
};

async function remote(
  server: ServerTarget,
  slugOrId: string,
  reset: boolean,
  name: string | undefined,
): Promise<ScenarioState[]> {
  const projectId = encodeURIComponent(await remoteProjectIdOf(server, slugOrId));
  const answer = reset
    ? await callServer(server, 'POST', `/projects/${projectId}/scenarios/reset`, name === undefined ? {} : { name })
    : await callServer(server, 'GET', `/projects/${projectId}/scenarios`);
  const parsed = scenarioListSchema.safeParse(answer);
  if (!parsed.success) {
    throw new AppError(
      'SERVER_ERROR',
      `the server at ${server.url.origin} answered with something else than scenarios`,
      {
        hint: 'is --url a MockDeck server of this version?',
      },
    );
  }
  return parsed.data;
}

function print(list: ScenarioState[], slugOrId: string, args: CommandArgs, io: CliIo): void {
  if (args.values.json === true) {
    io.stdout(`${JSON.stringify(list)}\n`);
    return;
  }
  if (list.length === 0) {
    io.stderr(`no response of project "${slugOrId}" names a scenario\n`);
    return;
  }
  const nameWidth = Math.max(...list.map((s) => s.name.length), 4);
  const stateWidth = Math.max(...list.map((s) => s.state.length), 5);
  io.stdout(`${'NAME'.padEnd(nameWidth)}  ${'STATE'.padEnd(stateWidth)}  RESPONSES  STATES\n`);
  for (const s of list) {
    io.stdout(
      `${s.name.padEnd(nameWidth)}  ${s.state.padEnd(stateWidth)}  ${String(s.responses).padEnd(9)}  ${s.states.join(', ')}\n`,
    );
  }
}
