import type { Catalog } from '../core/catalog/catalog';
import type { Cloud } from '../core/cloud/cloud';
import { AppError } from '../core/util/errors';
import { EXIT_OK, UsageError, stringOption, type CliIo, type Command, type CommandArgs } from './command';
import { promptHidden } from './cloud-prompt';
import {
  ACCOUNT_HELP,
  ACCOUNT_OPTIONS,
  ACCOUNT_SUBCOMMANDS,
  ACCOUNT_USAGE,
  runCloudAccountCommand,
} from './cloud-account';
import { withCloudApp } from './cloud-app';
import { auditCommand, TEAM_HELP, TEAM_USAGE, teamCommand, teamOptions } from './cloud-team';
import { cliCaller, DATA_DIR_HELP, dataDirOption, type CliCall } from './data-dir-option';

const USAGE = `mockdeck cloud login --url URL --email EMAIL [--data-dir DIR]
       mockdeck cloud logout | sync [--project SLUG] | deploy SLUG [--data-dir DIR]
       mockdeck cloud tokens list | create NAME | rotate ID | delete ID [--data-dir DIR]
       ${TEAM_USAGE}
${ACCOUNT_USAGE}`;

/** The Cloud of the data dir's app, set up for the CLI (cloud-app.ts). */
async function withCloud<T>(
  args: CommandArgs,
  io: CliIo,
  fn: (cloud: Cloud, catalog: Catalog, call: CliCall) => Promise<T>,
): Promise<T> {
  return withCloudApp(args, io, async (app) => fn(await app.cloud(), app.catalog, cliCaller(app)));
}

const json = (io: CliIo, value: unknown) => io.stdout(`${JSON.stringify(value)}\n`);

/**
 * Runs a long cloud call that Ctrl+C (or SIGTERM) cancels: the call stops between requests
 * and ends with CANCELLED, leaving what it finished in place, instead of the process dying
 * in the middle of a write.
 */
async function cancellable<T>(io: CliIo, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (!controller.signal.aborted) io.stderr('cancelling… (what finished is kept)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function login(args: CommandArgs, io: CliIo): Promise<number> {
  const email = stringOption(args, 'email');
  if (!email) throw new UsageError('cloud login needs --email EMAIL');
  if (!stringOption(args, 'url') && !io.env.MOCKDECK_CLOUD_URL)
    throw new UsageError('cloud login needs --url URL (e.g. https://api.mockforge.dev)');
  if (io.env.MOCKDECK_CLOUD_TOKEN) {
    throw new AppError('VALIDATION_ERROR', 'MOCKDECK_CLOUD_TOKEN is set, so there is nothing to sign in to', {
      hint: 'unset it to sign in with a password',
    });
  }
  return withCloud(args, io, async (cloud) => {
    const password = io.env.MOCKDECK_PASSWORD ?? (await promptHidden(`Password for ${email}: `));
    const state = await cloud.session.login({ email, password });
    io.stderr(
      `signed in to ${state.baseUrl} as ${state.user?.username ?? email} (credentials in the system keychain)\n`,
    );
    return EXIT_OK;
  });
}

async function tokens(args: CommandArgs, io: CliIo): Promise<number> {
  const [, verb, arg] = args.positionals;
  return withCloud(args, io, async (cloud) => {
    if (verb === 'list') json(io, await cloud.listTokens());
    else if (verb === 'create' && arg) {
      const t = await cloud.createToken({ name: arg, scopes: ['read', 'write'] });
      io.stderr('This is the only time the full token is shown: store it now (e.g. as a CI secret).\n');
      json(io, t);
    } else if (verb === 'rotate' && arg) {
      const t = await cloud.rotateToken(arg, { deleteOld: true });
      io.stderr('This is the only time the new token is shown: store it now.\n');
      json(io, t);
    } else if (verb === 'delete' && arg) json(io, await cloud.deleteToken(arg));
    else throw new UsageError('cloud tokens takes: list | create NAME | rotate ID | delete ID');
    return EXIT_OK;
  });
}

export const cloudCommand: Command = {
  name: 'cloud',
  summary: 'sign in to MockForge Cloud, sync projects, deploy them, manage API tokens',
  usage: USAGE,
  help: `  --url URL        the cloud API (default: the saved one, $MOCKDECK_CLOUD_URL, or https://api.mockforge.dev)
  --email EMAIL    account to sign in (password from a hidden prompt or $MOCKDECK_PASSWORD)
  --project SLUG   sync only this project
${TEAM_HELP}
${DATA_DIR_HELP}
  Credentials live in the system keychain (service "MockDeck", or $MOCKDECK_KEYCHAIN_SERVICE).
  Without a keychain (CI), set MOCKDECK_CLOUD_TOKEN=mfx_… for a session-only run.
${ACCOUNT_HELP}`,
  options: {
    url: { type: 'string' },
    email: { type: 'string' },
    project: { type: 'string' },
    ...teamOptions,
    ...ACCOUNT_OPTIONS,
    ...dataDirOption,
  },
  positionals: { min: 1, max: 4 },
  async run(args, io) {
    const [sub, arg] = args.positionals;
    switch (sub) {
      case 'login':
        return login(args, io);
      case 'logout':
        return withCloud(args, io, async (cloud) => {
          await cloud.session.logout();
          io.stderr('signed out; stored cloud credentials were removed from the keychain\n');
          return EXIT_OK;
        });
      case 'sync':
        return withCloud(args, io, async (cloud) => {
          const slug = stringOption(args, 'project');
          cloud.on('sync.progress', (p) => {
            if (p.phase === 'project') io.stderr(`${p.message}\n`);
          });
          const result = await cancellable(io, (signal) =>
            cloud.sync.run(slug ? { projectSlug: slug, signal } : { signal }),
          );
          json(io, result);
          return EXIT_OK;
        });
      case 'deploy':
        if (!arg) throw new UsageError('cloud deploy needs the project SLUG');
        return withCloud(args, io, async (cloud, catalog) => {
          const project = catalog.store.projects.getBySlug(arg);
          if (!project)
            throw new AppError('NOT_FOUND', `no local project has the slug "${arg}"`, {
              hint: 'mockdeck projects lists them',
            });
          const d = await cancellable(io, (signal) =>
            cloud.deploy(project.id, {
              signal,
              onStatus: (s) => io.stderr(`deployment ${s.status} (health ${s.health})\n`),
            }),
          );
          json(io, { url: d.url });
          return EXIT_OK;
        });
      case 'tokens':
        return tokens(args, io);
      case 'team':
        return withCloud(args, io, (_cloud, _catalog, call) => teamCommand(args, io, call));
      case 'audit':
        return withCloud(args, io, (_cloud, _catalog, call) => auditCommand(args, io, call));
      default:
        if (ACCOUNT_SUBCOMMANDS.has(sub ?? '')) return runCloudAccountCommand(sub!, args, io);
        throw new UsageError(`unknown cloud subcommand "${sub ?? ''}"`);
    }
  },
};
