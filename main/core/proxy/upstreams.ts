import { Agent } from 'undici';

/**
 * The HTTP clients requests are proxied with: undici Agents, which keep connections to
 * each upstream alive and reuse them (a proxied request does not pay a TCP or TLS
 * handshake). One Agent per connect timeout, since undici sets that per Agent; projects
 * share them. Closed with the app.
 */
export class Upstreams {
  private readonly agents = new Map<number, Agent>();
  private closed = false;

  agent(connectTimeoutMs: number): Agent {
    if (this.closed) throw new Error('the proxy is closed: MockDeck is shutting down');
    let a = this.agents.get(connectTimeoutMs);
    if (!a) {
      a = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 4_000 });
      this.agents.set(connectTimeoutMs, a);
    }
    return a;
  }

  /** Cuts connections in flight: a closing app does not wait for slow upstreams. */
  async close(): Promise<void> {
    this.closed = true;
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((a) => a.destroy().catch(() => undefined)));
  }
}
