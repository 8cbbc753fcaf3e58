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
    // The address the listener binds (127.0.0.1 by default), never "localhost": that name may
    // resolve to ::1 first, where nothing answers.
    return own?.url ?? `http://${urlHost(server?.host ?? '127.0.0.1')}:${project.port}`;
  }
  const base = server?.url ?? `http://${server?.host ?? '127.0.0.1'}:${server?.port ?? 3001}`;
  return `${base.replace(/\/+$/, '')}/m/${project.slug}`;
}

/** A host as it goes into a URL: all interfaces are called through loopback; IPv6 in brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
