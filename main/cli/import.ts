import path from 'node:path';
import { IMPORT_FORMATS, type ImportFormat } from '../../shared/models';
import { toWireProject } from '../../shared/wire/mockbird';
import { parseDocument } from '../core/transfer';
import { referencedFiles } from '../core/transfer/formats/mockoon/files';
import { EXIT_OK, stringOption, UsageError, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { readInputFile } from './read-input-file';

export const importCommand: Command = {
  name: 'import',
  summary: 'create a new project from a MockDeck project file, OpenAPI, Mockoon, Postman, HAR or Markdown',
  usage: `mockdeck import FILE [--format auto|${IMPORT_FORMATS.join('|')}] [--name NAME] [--base-path keep|drop] [--data-dir DIR]`,
  help: `  FILE             the document to import ("-" reads stdin)
  --format F       auto (default: recognized by content), ${IMPORT_FORMATS.join(', ')}
  --name NAME      the new project's name (default: the document's title)
  --base-path B    keep (default): mock paths start with the document's base path (OpenAPI
                   servers, Mockoon's prefix), e.g. /v1/users; drop: paths as written, /users
${DATA_DIR_HELP}

Prints the created project as JSON, with a "report" of what was created and what could not
be mapped. The slug gets a -2, -3… suffix when it is taken.`,
  options: {
    format: { type: 'string', short: 'f' },
    name: { type: 'string', short: 'n' },
    'base-path': { type: 'string' },
    ...dataDirOption,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const source = args.positionals[0]!;
    const format = formatOf(stringOption(args, 'format'));
    const name = stringOption(args, 'name');
    const basePath = basePathOf(stringOption(args, 'base-path'));
    const file = source === '-' ? '/dev/stdin' : path.resolve(io.cwd, source);
    const text = readInputFile(file, source, 'utf8');
    // Files a Mockoon environment names (file bodies), read only inside the document's folder.
    const files =
      source === '-' || (format !== 'auto' && format !== 'mockoon')
        ? undefined
        : referencedFiles(parseDocument(text, source).data, path.dirname(file));
    const result = await withCalls(dataDirOf(args, io), (call) =>
      call('projects.import', {
        text,
        source,
        format,
        basePath,
        ...(name !== undefined ? { name } : {}),
        ...(files !== undefined ? { files } : {}),
      }),
    );
    const out = {
      ...toWireProject(result.project, { mockCount: result.mockCount }),
      response_count: result.responseCount,
      slug_changed: result.slugChanged,
      dropped_port: result.droppedPort,
      report: result.report,
    };
    io.stdout(`${JSON.stringify(out)}\n`);
    if (result.slugChanged) io.stderr(`note: the slug was taken; the project was imported as "${result.slug}"\n`);
    if (result.droppedPort !== null)
      io.stderr(`note: port ${result.droppedPort} belongs to another project; the import has none\n`);
    const skipped = result.report?.skipped.length ?? 0;
    if (skipped > 0) io.stderr(`note: ${skipped} item(s) could not be mapped; see "report.skipped"\n`);
    return EXIT_OK;
  },
};

function formatOf(raw: string | undefined): ImportFormat | 'auto' {
  if (raw === undefined || raw === 'auto') return 'auto';
  if ((IMPORT_FORMATS as readonly string[]).includes(raw)) return raw as ImportFormat;
  throw new UsageError(`--format must be auto or one of ${IMPORT_FORMATS.join(', ')} (got "${raw}")`, importCommand);
}

function basePathOf(raw: string | undefined): 'keep' | 'drop' {
  if (raw === undefined || raw === 'keep') return 'keep';
  if (raw === 'drop') return 'drop';
  throw new UsageError(`--base-path must be keep or drop (got "${raw}")`, importCommand);
}
