import type { Logger } from './handlers/context';

/**
 * A member of the app's lifecycle: a server, a transport, a background service. `start`
 * runs when it joins; `close` when the app closes, members in reverse order of joining so
 * that nothing is closed while something started after it still uses it.
 */
export interface Service {
  readonly name: string;
  start?(): Promise<void> | void;
  close(): Promise<void> | void;
}

/** Something already running that can be closed: a web bridge, a static server, a database. */
export interface Closeable {
  close(): Promise<void> | void;
}

/**
 * Starts services together and stops them together (Actual's startServices/stopServices,
 * VS Code's disposables). Whoever adds a service hands its disposal to the lifecycle.
 */
export class Lifecycle {
  private readonly members: Service[] = [];
  private closing: Promise<void> | null = null;

  constructor(private readonly logger: Logger) {}

  get closed(): boolean {
    return this.closing !== null;
  }

  /** Starts `service` and owns it from then on. A service that fails to start is not owned. */
  async add<S extends Service>(service: S): Promise<S> {
    this.refuseWhenClosed(service.name);
    await service.start?.();
    if (this.closing) {
      // close() began while this one was starting: it missed the list, so close it here.
      await service.close();
      this.refuseWhenClosed(service.name);
    }
    this.members.push(service);
    return service;
  }

  /** Opens a resource with `open` and owns it: `app.lifecycle.open('web bridge', () => startWebBridge(…))`. */
  async open<R extends Closeable>(name: string, open: () => Promise<R> | R): Promise<R> {
    let resource!: R;
    await this.add({
      name,
      start: async () => {
        resource = await open();
      },
      close: () => resource.close(),
    });
    return resource;
  }

  /** Owns something already running (no start step). */
  own(name: string, resource: Closeable): void {
    this.refuseWhenClosed(name);
    this.members.push({ name, close: () => resource.close() });
  }

  /** Names of the members, in start order. */
  names(): string[] {
    return this.members.map((m) => m.name);
  }

  /**
   * Closes every member, newest first. A member that fails is logged and the others still
   * close; the returned promise then rejects naming every failure. Calling it again returns
   * the same promise.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const failures: { name: string; error: unknown }[] = [];
      for (const member of this.members.splice(0).reverse()) {
        try {
          await member.close();
        } catch (error) {
          this.logger.error(`closing ${member.name} failed`, error);
          failures.push({ name: member.name, error });
        }
      }
      if (failures.length > 0) {
        throw new AggregateError(
          failures.map((f) => f.error),
          `closing failed for: ${failures.map((f) => f.name).join(', ')}`,
        );
      }
    })();
    return this.closing;
  }

  private refuseWhenClosed(name: string): void {
    if (this.closing) throw new Error(`cannot start ${name}: the app is closing`);
  }
}
