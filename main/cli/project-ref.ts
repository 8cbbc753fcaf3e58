import { z } from 'zod';
import { AppError } from '../core/util/errors';
import type { CliCall } from './data-dir-option';
import { callServer, type ServerTarget } from './management-client';

const notFound = (slugOrId: string, where: string) =>
  new AppError('NOT_FOUND', `no project with slug or id "${slugOrId}"${where}`, {
    hint: 'list the projects with `mockdeck projects`',
  });

/** The project's id from a slug or an id, as `export` takes it. */
export async function projectIdOf(call: CliCall, slugOrId: string): Promise<string> {
  const p = (await call('projects.list', {})).find((x) => x.slug === slugOrId || x.id === slugOrId);
  if (!p) throw notFound(slugOrId, '');
  return p.id;
}

const wireProjectsSchema = z.array(z.object({ project_id: z.string(), slug: z.string() }).loose());

/** The same, asked of a running server (`GET /projects`). */
export async function remoteProjectIdOf(server: ServerTarget, slugOrId: string): Promise<string> {
  const parsed = wireProjectsSchema.safeParse(await callServer(server, 'GET', '/projects'));
  if (!parsed.success) {
    throw new AppError(
      'SERVER_ERROR',
      `the server at ${server.url.origin} answered GET /projects with something else`,
      {
        hint: 'is --url a MockDeck server?',
      },
    );
  }
  const p = parsed.data.find((x) => x.slug === slugOrId || x.project_id === slugOrId);
  if (!p) throw notFound(slugOrId, ` on the server at ${server.url.origin}`);
  return p.project_id;
}
