import { randomBytes } from 'node:crypto';
import type { Clock } from '../../main/core/util/clock';
import { systemClock } from '../../main/core/util/clock';
import { AccountState } from './account/state';
import type { PlanName } from './billing/plans';
import type { Db } from './db/schema';
import { openDb } from './db/schema';
import { FaultState } from './faults/faults';
import { seedMarketplace } from './marketplace/seed';
import { MarketState } from './marketplace/state';

export interface CloudServerOptions {
  port?: number;
  /** How long a new deployment stays "deploying" before it turns active/healthy. */
  deployReadyAfterMs?: number;
  jwtTtlSeconds?: number;
  /** Per-principal budget per minute; defaults to the plan's (free 60). */
  rateLimitPerMinute?: number;
  /** Plan of every organization created on this server. */
  plan?: PlanName;
  /** Lets tests move time (token age, lockout windows, JWT expiry). */
  clock?: Clock;
  /** Seeded data: 'team' adds "Acme Corp" with an owner, an admin, a member and audit events (team/seed.ts). */
  seed?: 'team';
}

export interface ServerContext {
  db: Db;
  clock: Clock;
  faults: FaultState;
  jwtKey: Uint8Array;
  deployReadyAfterMs: number;
  jwtTtlSeconds: number;
  rateLimitPerMinute: number | null;
  plan: PlanName;
  /** Set once the listener is bound; deployment URLs are built from it at read time. */
  baseUrl: string;
  /** Bumped on every write to a project's data so hosted serving recompiles lazily. */
  revisions: Map<string, number>;
  timers: Set<NodeJS.Timeout>;
  /** Usage seeds, checkouts, deletions, tickets and service states (account/state.ts). */
  account: AccountState;
  /** Plugins, templates and scenarios with their packages (marketplace/), seeded at start. */
  market: MarketState;
}

export function createContext(opts: CloudServerOptions): ServerContext {
  return {
    db: openDb(),
    clock: opts.clock ?? systemClock,
    faults: new FaultState(),
    jwtKey: randomBytes(32),
    deployReadyAfterMs: opts.deployReadyAfterMs ?? 300,
    jwtTtlSeconds: opts.jwtTtlSeconds ?? 3600,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? null,
    plan: opts.plan ?? 'pro',
    baseUrl: '',
    revisions: new Map(),
    timers: new Set(),
    account: new AccountState(),
    market: seeded(new MarketState()),
  };
}

export const nowIso = (ctx: ServerContext): string => ctx.clock.now().toISOString();
export const nowMs = (ctx: ServerContext): number => ctx.clock.now().getTime();

export function bumpRevision(ctx: ServerContext, projectId: string): void {
  ctx.revisions.set(projectId, (ctx.revisions.get(projectId) ?? 0) + 1);
}

function seeded(m: MarketState): MarketState {
  seedMarketplace(m);
  return m;
}
