import { AppError } from '../core/util/errors';
import { EXIT_OK, stringOption, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { projectIdOf } from './project-ref';

export const bucketsCommand: Command = {
  name: 'buckets',
  summary: "list a project's data buckets, or reset one to its content",
  usage: 'mockdeck buckets PROJECT [--reset NAME] [--json] [--data-dir DIR]',
  help: `  PROJECT          the project's slug or id
  --reset NAME     put the bucket's initial content back as its current value
  --json           one JSON array instead of a table
${DATA_DIR_HELP}`,
  options: { reset: { type: 'string' }, json: { type: 'boolean' }, ...dataDirOption },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const slugOrId = args.positionals[0]!;
    const reset = stringOption(args, 'reset');
    return withCalls(dataDirOf(args, io), async (call) => {
      const projectId = await projectIdOf(call, slugOrId);
      const buckets = await call('buckets.list', { projectId });
      if (reset !== undefined) {
        const b = buckets.find((x) => x.name === reset || x.id === reset);
        if (!b) {
          throw new AppError('NOT_FOUND', `project "${slugOrId}" has no data bucket named "${reset}"`, {
            hint: `list them with \`mockdeck buckets ${slugOrId}\``,
          });
        }
        await call('buckets.reset', { id: b.id });
        io.stdout(`bucket "${b.name}" reset to its content\n`);
        return EXIT_OK;
      }
      if (args.values.json === true) {
        io.stdout(`${JSON.stringify(buckets.map((b) => ({ name: b.name, id: b.id, templated: b.templated })))}\n`);
        return EXIT_OK;
      }
      if (buckets.length === 0) {
        io.stderr(`project "${slugOrId}" has no data buckets\n`);
        return EXIT_OK;
      }
      const width = Math.max(...buckets.map((b) => b.name.length), 4);
      io.stdout(`${'NAME'.padEnd(width)}  TEMPLATED  DESCRIPTION\n`);
      for (const b of buckets) {
        io.stdout(`${b.name.padEnd(width)}  ${(b.templated ? 'yes' : 'no').padEnd(9)}  ${b.description}\n`);
      }
      return EXIT_OK;
    });
  },
};
