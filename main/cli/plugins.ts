import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT_OK, stringOption, UsageError, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { projectIdOf } from './project-ref';
import { readInputFile } from './read-input-file';

export const pluginsCommand: Command = {
  name: 'plugins',
  summary: 'list, add, remove and enable WebAssembly plugins',
  usage:
    'mockdeck plugins [list | add FILE.wasm [--name N] [--version V] | remove NAME | enable PROJECT [--mock ID] [NAME…]] [--json] [--data-dir DIR]',
  help: `  list                 the installed plugins (the default)
  add FILE.wasm        install a plugin (checked first: WebAssembly, no imports, the ABI's
                       exports, a memory maximum of at most 16 MiB); a manifest.json next to
                       the file gives its name, version, description…; --name/--version win
  remove NAME          uninstall it
  enable PROJECT NAME… the plugins the project's mocks run, in order (none: turn them off);
                       with --mock ID, one mock's own plugins, run after the project's
  --json               JSON instead of text
${DATA_DIR_HELP}

See docs/plugins.md for the plugin ABI and the example plugin.`,
  options: {
    name: { type: 'string' },
    version: { type: 'string' },
    mock: { type: 'string' },
    json: { type: 'boolean' },
    ...dataDirOption,
  },
  positionals: { min: 0, max: 50 },
  async run(args, io) {
    const [sub = 'list', ...rest] = args.positionals;
    const json = args.values.json === true;
    return withCalls(dataDirOf(args, io), async (call) => {
      if (sub === 'list') {
        const list = await call('plugins.list', undefined);
        if (json) io.stdout(`${JSON.stringify(list)}\n`);
        else if (list.length === 0) io.stdout('no plugins installed (mockdeck plugins add FILE.wasm)\n');
        else
          for (const p of list)
            io.stdout(
              `${p.name}@${p.version}  ${p.size} bytes  sha256 ${p.sha256.slice(0, 12)}…  run by ${p.runBy}  ${p.description}\n`,
            );
        return EXIT_OK;
      }
      if (sub === 'add') {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('plugins add takes one FILE.wasm', pluginsCommand);
        const full = path.resolve(io.cwd, file);
        const wasm = readInputFile(full);
        const manifest = {
          ...manifestBeside(full),
          ...(stringOption(args, 'name') ? { name: stringOption(args, 'name') } : {}),
          ...(stringOption(args, 'version') ? { version: stringOption(args, 'version') } : {}),
        };
        manifest.name ??= path.basename(full, '.wasm').toLowerCase();
        const info = await call('plugins.install', {
          wasm: wasm.toString('base64'),
          manifest: manifest as { name: string; version?: string },
        });
        io.stdout(
          json ? `${JSON.stringify(info)}\n` : `installed ${info.name}@${info.version} (sha256 ${info.sha256})\n`,
        );
        return EXIT_OK;
      }
      if (sub === 'remove') {
        if (rest.length !== 1) throw new UsageError('plugins remove takes one NAME', pluginsCommand);
        await call('plugins.remove', { name: rest[0]! });
        io.stdout(`removed ${rest[0]}\n`);
        return EXIT_OK;
      }
      if (sub === 'enable') {
        const [project, ...names] = rest;
        if (!project) throw new UsageError('plugins enable needs a PROJECT (slug or id)', pluginsCommand);
        const projectId = await projectIdOf(call, project);
        const r = await call('plugins.setBindings', {
          projectId,
          mockId: stringOption(args, 'mock') ?? null,
          plugins: names,
        });
        io.stdout(
          json ? `${JSON.stringify(r)}\n` : r.plugins.length ? `runs: ${r.plugins.join(' → ')}\n` : 'runs no plugin\n',
        );
        return EXIT_OK;
      }
      throw new UsageError(`unknown plugins subcommand "${sub}" (list, add, remove, enable)`, pluginsCommand);
    });
  },
};

function manifestBeside(wasmFile: string): Record<string, unknown> & { name?: string } {
  try {
    return JSON.parse(readFileSync(path.join(path.dirname(wasmFile), 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}
