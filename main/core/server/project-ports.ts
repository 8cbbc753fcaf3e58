import type { FastifyInstance } from 'fastify';
import type { ListenerState } from '../../../shared/ipc/contract';
import type { Store } from '../store/store';
import { toAppError } from '../util/errors';
import { buildProjectApp, closeApp } from './apps';
import type { ExecutionDeps } from './execution';
import { ShutdownGrace } from './graceful-close';
import type { HttpLimits } from './http-limits';
import { listen } from './listen';

export type ProjectPortState = ListenerState & { projectId: string };

interface PortListener {
  port: number;
  app: FastifyInstance | null;
  state: ProjectPortState;
}

/**
 * One listener per project that has a `port`: started and stopped with the main server,
 * restarted when the project's port changes, closed when it is cleared or the project is
 * deleted. A port that is taken leaves that project's state with a PORT_IN_USE error and
 * does not stop the others; it is retried when the port changes or the server restarts.
 */
export class ProjectPorts {
  private readonly listeners = new Map<string, PortListener>();

  constructor(
    private readonly store: Store,
    private readonly exec: ExecutionDeps,
    private readonly limits: HttpLimits,
  ) {}

  /** Makes the running listeners match the projects' ports. `retryFailed` re-attempts ports that failed. */
  async reconcile(host: string, retryFailed: boolean): Promise<void> {
    const wanted = new Map(this.store.projects.withPorts().map((p) => [p.id, p.port as number]));
    for (const [projectId, l] of this.listeners) {
      if (wanted.get(projectId) !== l.port || l.state.host !== host || (retryFailed && !l.app)) {
        await this.close(projectId, new ShutdownGrace(this.limits.shutdownGraceMs));
      }
    }
    for (const [projectId, port] of wanted) {
      if (!this.listeners.has(projectId)) await this.open(projectId, port, host);
    }
  }

  /** Closes every listener, together, within `grace` (see graceful-close.ts). */
  async closeAll(grace: ShutdownGrace): Promise<void> {
    await Promise.all([...this.listeners.keys()].map((id) => this.close(id, grace)));
  }

  states(): ProjectPortState[] {
    return [...this.listeners.values()].map((l) => l.state);
  }

  private async open(projectId: string, port: number, host: string): Promise<void> {
    const app = await buildProjectApp(this.exec, projectId, this.limits);
    try {
      const bound = await listen(app, host, port);
      this.listeners.set(projectId, {
        port,
        app,
        state: { projectId, url: `http://${urlHost(host)}:${bound}`, host, port: bound, running: true, error: null },
      });
    } catch (e) {
      this.listeners.set(projectId, {
        port,
        app: null,
        state: { projectId, url: null, host, port, running: false, error: toAppError(e).toShape() },
      });
    }
  }

  private async close(projectId: string, grace: ShutdownGrace): Promise<void> {
    const l = this.listeners.get(projectId);
    this.listeners.delete(projectId);
    if (l?.app) await closeApp(l.app, grace);
  }
}

/** 0.0.0.0 and :: are where to listen, not where to connect: URLs show the loopback name. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
