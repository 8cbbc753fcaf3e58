import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toWireProject } from '../../shared/wire/mockbird';
import { AppError } from '../core/util/errors';
import { EXIT_OK, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';

export const importCommand: Command = {
  name: 'import',
  summary: 'create a new project from a MockDeck project file',
  usage: 'mockdeck import FILE [--data-dir DIR]',
  help: `  FILE             a file written by \`mockdeck export\` ("-" reads stdin)
${DATA_DIR_HELP}

Prints the created project as JSON. The slug gets a -2, -3… suffix when it is taken.`,
  options: dataDirOption,
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const source = args.positionals[0]!;
    const file = source === '-' ? '/dev/stdin' : path.resolve(io.cwd, source);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new AppError(
        'NOT_FOUND',
        `cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const result = await withCalls(dataDirOf(args, io), (call) => call('projects.import', { text, source }));
    const out = {
      ...toWireProject(result.project, { mockCount: result.mockCount }),
      response_count: result.responseCount,
      slug_changed: result.slugChanged,
      dropped_port: result.droppedPort,
    };
    io.stdout(`${JSON.stringify(out)}\n`);
    if (result.slugChanged) io.stderr(`note: the slug was taken; the project was imported as "${result.slug}"\n`);
    if (result.droppedPort !== null)
      io.stderr(`note: port ${result.droppedPort} belongs to another project; the import has none\n`);
    return EXIT_OK;
  },
};
