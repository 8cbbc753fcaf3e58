import { z } from 'zod';
import { AppError } from '../core/util/errors';
import { EXIT_OK, stringOption, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { callServer, SERVER_HELP, serverOptions, serverTarget, type ServerTarget } from './management-client';
import { projectIdOf, remoteProjectIdOf } from './project-ref';

interface BucketRow {
  id: string;
  name: string;
  description: string;
  templated: boolean;
}

const wireBucketsSchema = z.array(
  z.object({ bucket_id: z.string(), name: z.string(), description: z.string(), templated: z.number() }).loose(),
);

export const bucketsCommand: Command = {
  name: 'buckets',
  summary: "list a project's data buckets, or reset one to its content",
  usage: 'mockdeck buckets PROJECT [--reset NAME] [--url URL [--token T]] [--json] [--data-dir DIR]',
  help: `  PROJECT          the project's slug or id
  --reset NAME     put the bucket's initial content back as its current value
  --json           one JSON array instead of a table
${SERVER_HELP}
${DATA_DIR_HELP}

A running \`mockdeck serve\` holds its buckets' values in memory and stores them as CRUD
routes change them: to reset a bucket it serves, pass --url, so the server resets it;
without --url the data dir is changed, which is what a server started later reads.`,
  options: { reset: { type: 'string' }, json: { type: 'boolean' }, ...serverOptions, ...dataDirOption },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const slugOrId = args.positionals[0]!;
    const reset = stringOption(args, 'reset');
    const server = serverTarget(args, io);
    const named = (buckets: BucketRow[], name: string): BucketRow => {
      const b = buckets.find((x) => x.name === name || x.id === name);
      if (!b) {
        throw new AppError('NOT_FOUND', `project "${slugOrId}" has no data bucket named "${name}"`, {
          hint: `list them with \`mockdeck buckets ${slugOrId}\``,
        });
      }
      return b;
    };
    const buckets = server
      ? await remote(server, slugOrId, reset, named)
      : await withCalls(dataDirOf(args, io), async (call) => {
          const list = await call('buckets.list', { projectId: await projectIdOf(call, slugOrId) });
          if (reset !== undefined) await call('buckets.reset', { id: named(list, reset).id });
          return list;
        });
    if (reset !== undefined) {
      io.stdout(`bucket "${named(buckets, reset).name}" reset to its content\n`);
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
  },
};

/** The buckets of a running server's project (GET /projects/:id/buckets), the one named `reset` reset there. */
async function remote(
  server: ServerTarget,
  slugOrId: string,
  reset: string | undefined,
  named: (buckets: BucketRow[], name: string) => BucketRow,
): Promise<BucketRow[]> {
  const projectId = encodeURIComponent(await remoteProjectIdOf(server, slugOrId));
  const parsed = wireBucketsSchema.safeParse(await callServer(server, 'GET', `/projects/${projectId}/buckets`));
  if (!parsed.success) {
    throw new AppError('SERVER_ERROR', `the server at ${server.url.origin} answered with something else than buckets`, {
      hint: 'is --url a MockDeck server of this version?',
    });
  }
  const list = parsed.data.map((b) => ({
    id: b.bucket_id,
    name: b.name,
    description: b.description,
    templated: b.templated === 1,
  }));
  if (reset !== undefined) {
    await callServer(server, 'POST', `/buckets/${encodeURIComponent(named(list, reset).id)}/reset`, {});
  }
  return list;
}
