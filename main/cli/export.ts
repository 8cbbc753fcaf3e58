import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/models';
import { EXIT_OK, stringOption, UsageError, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a project (mocks and responses) as a MockDeck project file, OpenAPI or Mockoon',
  usage: `mockdeck export --project SLUG [--format ${EXPORT_FORMATS.join('|')}] [--out FILE] [--data-dir DIR]`,
  help: `  --project SLUG   the project's slug (or id)
  --format F       native (default: a MockDeck project file), openapi (3.1, YAML), mockoon (an environment)
  --out FILE       where to write the file (default: stdout)
${DATA_DIR_HELP}`,
  options: {
    project: { type: 'string', short: 'p' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    ...dataDirOption,
  },
  async run(args, io) {
    const slug = stringOption(args, 'project');
    if (!slug) throw new UsageError('export needs --project SLUG', exportCommand);
    const rawFormat = stringOption(args, 'format') ?? 'native';
    if (!(EXPORT_FORMATS as readonly string[]).includes(rawFormat)) {
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${rawFormat}")`, exportCommand);
    }
    const format = rawFormat as ExportFormat;
    const { text, warnings } = await withCalls(dataDirOf(args, io), (call) =>
      call('projects.export', { project: slug, format }),
    );
    for (const w of warnings ?? []) io.stderr(`note: ${w}\n`);
    const out = stringOption(args, 'out');
    if (!out) {
      io.stdout(text);
      return EXIT_OK;
    }
    const file = path.resolve(io.cwd, out);
    // Write then rename, so an interrupted export never leaves half a file in place of a good one.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    io.stderr(`exported "${slug}" to ${file}\n`);
    return EXIT_OK;
  },
};
