import { EXIT_OK, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';

export const projectsCommand: Command = {
  name: 'projects',
  summary: 'list the projects in the data dir (slug, mocks, name)',
  usage: 'mockdeck projects [--json] [--data-dir DIR]',
  help: `  --json           one JSON array instead of a table
${DATA_DIR_HELP}`,
  options: { json: { type: 'boolean' }, ...dataDirOption },
  async run(args, io) {
    const projects = await withCalls(dataDirOf(args, io), (call) => call('projects.list', {}));
    if (args.values.json === true) {
      io.stdout(
        `${JSON.stringify(projects.map((p) => ({ slug: p.slug, name: p.name, id: p.id, mockCount: p.mockCount })))}\n`,
      );
      return EXIT_OK;
    }
    if (projects.length === 0) {
      io.stderr('no projects yet (create one in the app, with the REST API, or `mockdeck import FILE`)\n');
      return EXIT_OK;
    }
    const width = Math.max(...projects.map((p) => p.slug.length), 4);
    io.stdout(`${'SLUG'.padEnd(width)}  MOCKS  NAME\n`);
    for (const p of projects) io.stdout(`${p.slug.padEnd(width)}  ${String(p.mockCount).padStart(5)}  ${p.name}\n`);
    return EXIT_OK;
  },
};
