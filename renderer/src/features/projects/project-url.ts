import type { ServerState } from '../../../../shared/ipc/contract';
import type { Project } from '../../../../shared/models';

/**
 * Where a project's mocks answer: its own port at the root (the Mockoon habit) or the shared
 * server under /m/<slug>. Shown even while the server is stopped, with the configured port.
 */
export function projectBaseUrl(
  project: Pick<Project, 'id' | 'slug' | 'port'>,
  server: ServerState | undefined,
): string {
  if (project.port != null) {
    const own = server?.projectPorts.find((p) => p.projectId === project.id);
    return own?.url ?? `http://localhost:${project.port}`;
  }
  const base = server?.url ?? `http://${server?.host ?? '127.0.0.1'}:${server?.port ?? 3001}`;
  return `${base.replace(/\/+$/, '')}/m/${project.slug}`;
}
