import path from 'node:path';
import { EXIT_OK, stringOption, UsageError, type Command } from './command';
import { cliCaller, DATA_DIR_HELP, dataDirOf, dataDirOption, withApp } from './data-dir-option';
import { projectIdOf } from './project-ref';
import { readInputFile } from './read-input-file';

const ACTIONS = ['list', 'import', 'run', 'executions'] as const;

export const pipelinesCommand: Command = {
  name: 'pipelines',
  summary: 'list pipelines, import one from YAML, run one and wait, or show executions',
  usage: 'mockdeck pipelines list|import FILE|run ID|executions [ID] [--project P] [--data-dir DIR]',
  help: `  list             every pipeline (with --project: that project's) as JSON
  import FILE      create a pipeline from its YAML (name, definition: docs/pipelines.md)
  run ID           run pipeline ID now, wait until it ends, print the execution
  executions [ID]  the newest executions (of pipeline ID) with their step logs
  --project P      the project's slug or id (list; import: the pipeline's workspace_id)
${DATA_DIR_HELP}

Exits 1 when \`run\` ends in a failed execution.`,
  options: { project: { type: 'string', short: 'p' }, ...dataDirOption },
  positionals: { min: 1, max: 2 },
  async run(args, io) {
    const [action, arg] = args.positionals as [string, string | undefined];
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`mockdeck pipelines takes ${ACTIONS.join(', ')}, got "${action}"`, pipelinesCommand);
    }
    const needsArg = action === 'import' || action === 'run';
    if (needsArg && !arg)
      throw new UsageError(
        `mockdeck pipelines ${action} needs ${action === 'import' ? 'FILE' : 'ID'}`,
        pipelinesCommand,
      );
    const project = stringOption(args, 'project');
    // Only `run` starts the pipeline worker (withApp opens the data dir without it).
    return withApp(
      dataDirOf(args, io),
      async (app) => {
        const call = cliCaller(app);
        const workspace = project === undefined ? undefined : await projectIdOf(call, project);
        const print = (v: unknown) => io.stdout(`${JSON.stringify(v, null, 2)}\n`);
        if (action === 'list')
          print(await call('pipelines.list', { ...(workspace ? { workspace_id: workspace } : {}), limit: 500 }));
        if (action === 'executions')
          print(await call('pipelines.executions', { ...(arg ? { pipeline_id: arg } : {}), limit: 20 }));
        if (action === 'import') {
          const text = readInputFile(path.resolve(io.cwd, arg!), arg, 'utf8');
          print(await call('pipelines.importYaml', { text, ...(workspace ? { workspace_id: workspace } : {}) }));
        }
        if (action === 'run') {
          const started = await call('pipelines.trigger', { id: arg! });
          await app.pipelineWorker!.settle();
          const done = await call('pipelines.execution', { id: started.id });
          print(done);
          if (done.status === 'failed') return 1;
        }
        return EXIT_OK;
      },
      action === 'run' ? { pipelines: {} } : {},
    );
  },
};
