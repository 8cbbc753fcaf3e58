/**
 * The MockForge Cloud contract server: the documented endpoints of docs/reference/mockforge-cloud-api.md
 * (auth, orgs, tokens, billing, usage, deployments) plus MockBird §3–5 project endpoints
 * under /api/v1, with injectable faults. See README.md in this folder.
 */
import { buildApp } from './app';
import type { CloudServerOptions } from './context';
import { createContext } from './context';
import type { CloudFaults } from './faults/faults';
import { makeAdmin, makeInspect } from './inspect';
import { seedTeam, type SeededTeam } from './team/seed';
import { seedUsage, type SeedMonth } from './account/seed';
import type { ServiceState } from './account/state';
import type { Kind, MarketState } from './marketplace/state';
export { HOSTILE } from './marketplace/seed';

export type { CloudFaults } from './faults/faults';
export type { CloudServerOptions } from './context';
export type { PlanName } from './billing/plans';

export interface CloudServerHandle {
  /** http://127.0.0.1:PORT (the client's base URL). */
  url: string;
  faults: { set(f: Partial<CloudFaults>): void; reset(): void };
  close(): Promise<void>;
  /** Test helpers: read the server's data without HTTP. */
  inspect: {
    projects(): unknown[];
    mocks(projectId: string): unknown[];
    responses(mockId: string): unknown[];
    users(): unknown[];
    deployments(): { id: string; slug: string; config_json: Record<string, unknown> }[];
  };
  /** Test levers with no HTTP equivalent. */
  admin: ReturnType<typeof makeAdmin>;
  /** What `seed: 'team'` created (null without it). */
  seeded: { team: SeededTeam | null };
  /** Account levers (also over HTTP: /__control/service-status, /__control/seed-usage). */
  account: {
    setService(name: string, status: ServiceState, message?: string | null): void;
    resetServices(): void;
    seedUsage(orgId: string, months: SeedMonth[]): void;
    /** Support tickets received, oldest first. */
    tickets(): readonly {
      ticket_id: string;
      user_id: string | null;
      category: string;
      priority: string;
      subject: string;
    }[];
    /** user id → deletion_scheduled_at of GDPR deletions asked for. */
    deletions(): ReadonlyMap<string, string>;
  };
  /** The marketplace catalog (marketplace/seed.ts) and a lever to add packages (hostile ones made at test setup). */
  marketplace: {
    state: MarketState;
    addPackage(
      kind: Kind,
      name: string,
      version: string,
      data: Buffer,
      opts?: { checksum?: string; yanked?: boolean },
    ): void;
  };
}

export async function startCloudServer(opts: CloudServerOptions = {}): Promise<CloudServerHandle> {
  const ctx = createContext(opts);
  const { app } = buildApp(ctx);
  const address = await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  ctx.baseUrl = address.replace('localhost', '127.0.0.1');
  const inspect = makeInspect(ctx);
  const team = opts.seed === 'team' ? seedTeam(ctx) : null;
  return {
    url: ctx.baseUrl,
    faults: {
      set: (f) => ctx.faults.set(f),
      reset: () => ctx.faults.reset(),
    },
    inspect,
    admin: makeAdmin(ctx),
    seeded: { team },
    account: {
      setService: (name, status, message = null) => ctx.account.setService(name, status, message),
      resetServices: () => ctx.account.resetServices(),
      seedUsage: (orgId, months) => seedUsage(ctx, orgId, months),
      tickets: () => ctx.account.tickets,
      deletions: () => ctx.account.deletions,
    },
    marketplace: {
      state: ctx.market,
      addPackage: (kind, name, version, data, o = {}) =>
        void ctx.market.add(
          { kind, name, description: `${name} package`, category: 'hostile' },
          { version, data, ...o },
        ),
    },
    async close() {
      for (const t of ctx.timers) clearTimeout(t);
      ctx.timers.clear();
      await app.close();
      ctx.db.close();
    },
  };
}
