import type { Federation } from '../../shared/models';
import { AppError } from '../core/util/errors';
import { EXIT_OK, UsageError, type CliIo, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';

/** `mockdeck federation list|show` (docs/federation.md): what the data dir's federations are. */
export const federationCommand: Command = {
  name: 'federation',
  summary: 'list the federations of projects, or show one with its services',
  usage: 'mockdeck federation list|show [NAME|ID] [--json] [--data-dir DIR]',
  help: `  list             every federation: name, services, URL path
  show NAME|ID     one federation: each service's base path, reality level, project, dependencies
  --json           the federation(s) as JSON (the shape of GET /api/v1/federation)
${DATA_DIR_HELP}

A federation serves its projects under /f/<name>/ on the main listener; create and edit them
in the app or with the REST API (POST/PATCH /api/v1/federation).`,
  options: { json: { type: 'boolean' }, ...dataDirOption },
  positionals: { min: 1, max: 2 },
  async run(args, io) {
    const [verb, ref] = args.positionals as [string, string | undefined];
    const json = args.values.json === true;
    if (verb === 'list') {
      if (ref !== undefined)
        throw new UsageError(`mockdeck federation list takes no name, got "${ref}"`, federationCommand);
      const all = await withCalls(dataDirOf(args, io), (call) => call('federation.list', { limit: 100 }));
      if (json) io.stdout(`${JSON.stringify(all)}\n`);
      else printList(all, io);
      return EXIT_OK;
    }
    if (verb === 'show') {
      if (ref === undefined)
        throw new UsageError('mockdeck federation show needs a federation name or id', federationCommand);
      const f = await withCalls(dataDirOf(args, io), async (call) => {
        const all = await call('federation.list', { limit: 100 });
        const found = all.find((x) => x.id === ref || x.name === ref);
        if (!found) {
          throw new AppError('NOT_FOUND', `no federation is named "${ref}" or has that id`, {
            hint: 'list them with: mockdeck federation list',
          });
        }
        return found;
      });
      if (json) io.stdout(`${JSON.stringify(f)}\n`);
      else printOne(f, io);
      return EXIT_OK;
    }
    throw new UsageError(`mockdeck federation takes list or show, got "${verb}"`, federationCommand);
  },
};

function printList(all: Federation[], io: CliIo): void {
  if (all.length === 0) {
    io.stderr('no federations yet: create one in the app or with POST /api/v1/federation\n');
    return;
  }
  const w = Math.max(...all.map((f) => f.name.length), 4);
  io.stdout(`${'NAME'.padEnd(w)}  SERVICES  PATH\n`);
  for (const f of all) io.stdout(`${f.name.padEnd(w)}  ${String(f.services.length).padEnd(8)}  /f/${f.name}/\n`);
}

function printOne(f: Federation, io: CliIo): void {
  io.stdout(`${f.name} (${f.id}) — served at /f/${f.name}/\n`);
  if (f.description) io.stdout(`${f.description}\n`);
  if (f.services.length === 0) {
    io.stdout('no services\n');
    return;
  }
  const w = Math.max(...f.services.map((s) => s.name.length), 7);
  const p = Math.max(...f.services.map((s) => s.base_path.length), 9);
  io.stdout(`${'SERVICE'.padEnd(w)}  ${'BASE PATH'.padEnd(p)}  ${'LEVEL'.padEnd(12)}  PROJECT  DEPENDS ON\n`);
  for (const s of f.services) {
    io.stdout(
      `${s.name.padEnd(w)}  ${s.base_path.padEnd(p)}  ${s.reality_level.padEnd(12)}  ${s.workspace_id}  ${s.dependencies.join(', ') || '—'}\n`,
    );
  }
}
