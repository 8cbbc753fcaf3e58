import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The grace period of a stop, shared by every listener closing in it. `cutNow()` ends it
 * early (a second Ctrl+C/SIGTERM): listeners closing then, and those that close later in
 * the same shutdown, cut their connections at once.
 */
export class ShutdownGrace {
  private expired = false;
  private readonly cutters = new Set<() => void>();

  constructor(readonly ms: number) {}

  /** Ends the grace period of every close, current and to come. */
  cutNow(): void {
    this.expired = true;
    for (const cut of [...this.cutters]) cut();
  }

  /** Runs `cut` when the grace period ends (now if it has); the returned function cancels it. */
  after(cut: () => void): () => void {
    if (this.expired || this.ms === 0) {
      cut();
      return () => {};
    }
    const timer = setTimeout(run, this.ms);
    const cutters = this.cutters;
    cutters.add(run);
    function run(): void {
      clearTimeout(timer);
      cutters.delete(run);
      cut();
    }
    return () => {
      clearTimeout(timer);
      cutters.delete(run);
    };
  }
}

/** How often a closing server closes the keep-alive connections that have become idle. */
const SWEEP_MS = 50;

/**
 * The node:http servers one fastify app listens with (one, or one per address of
 * "localhost"), made by our serverFactory. Node's server.close() waits for every connection
 * with a request in progress and, from then on, no longer enforces the request timeouts: one
 * client that stops mid-request would hold it for ever. So a closing app's servers answer
 * with `Connection: close`, and once the grace period ends every connection is destroyed.
 */
export class AppServers {
  private readonly servers = new Set<Server>();
  private closing = false;

  add(server: Server): void {
    this.servers.add(server);
  }

  /** Whether answers should close their connection (checked per request: one boolean). */
  get draining(): boolean {
    return this.closing;
  }

  /**
   * Runs `close` (fastify's app.close(): stops accepting, closes idle keep-alive
   * connections, waits for the rest) and destroys the connections left when `grace` ends.
   */
  async close(close: () => Promise<void>, grace: ShutdownGrace): Promise<void> {
    this.closing = true;
    const closed = close();
    const cancel = grace.after(() => this.cut());
    // A connection whose answer was in flight when the close began turns idle (keep-alive)
    // once it is sent; close it then instead of holding the close until the grace period ends.
    const sweep = setInterval(() => {
      for (const s of this.servers) s.closeIdleConnections();
    }, SWEEP_MS);
    try {
      await closed;
    } finally {
      cancel();
      clearInterval(sweep);
    }
  }

  /** Destroys every connection, and any that a server still accepts before its close takes effect. */
  private cut(): void {
    for (const s of this.servers) {
      s.closeAllConnections();
      s.on('connection', (socket: Socket) => socket.destroy());
    }
  }
}
