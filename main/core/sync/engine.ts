import type { Catalog } from '../catalog/catalog';
import { SyncConflictsRepo } from '../store/sync-conflicts-repo';
import { SyncLinksRepo } from '../store/sync-links-repo';
import type { Clock } from '../util/clock';
import { withSignal } from '../util/cancellation';
import { AppError, cancelled, throwIfCancelled } from '../util/errors';
import { fingerprint, mockContent, projectContent, responseContent } from './content';
import {
  localMockItems,
  localProjectItems,
  localResponseItems,
  mockOps,
  projectOps,
  remoteProjectItems,
  responseOps,
} from './kinds';
import { reconcile, type ReconcileEnv } from './reconcile';
import type { RemoteProjects } from './remote';
import { SyncTally, type SyncSummary } from './tally';

export interface SyncProgress {
  phase: 'started' | 'project' | 'step' | 'finished' | 'failed';
  /** Name of the project being synced, when there is one. */
  project: string | null;
  message: string;
  summary: SyncSummary;
  at: string;
}

export interface SyncResult extends SyncSummary {
  startedAt: string;
  finishedAt: string;
}

export interface SyncStatus {
  running: boolean;
  lastSyncedAt: string | null;
  lastError: string | null;
  conflicts: number;
  /** Local projects, mocks and responses changed (or deleted) since the last sync. */
  pendingChanges: number;
}

export interface SyncDeps {
  catalog: Catalog;
  api: RemoteProjects;
  clock: Clock;
  /** Identifies the cloud account space the links belong to (base URL + organization). */
  scope: () => string;
  /** Runs before each sync (the cloud learns its default organization here). */
  prepare?: () => Promise<void>;
  emit: (p: SyncProgress) => void;
}

/** Two-way sync of projects, mocks and responses; see reconcile.ts for the rules. */
export class SyncEngine {
  readonly links: SyncLinksRepo;
  readonly conflicts: SyncConflictsRepo;
  private running: Promise<unknown> = Promise.resolve();
  private active = false;

  constructor(private readonly deps: SyncDeps) {
    this.links = new SyncLinksRepo(deps.catalog.store.db);
    this.conflicts = new SyncConflictsRepo(deps.catalog.store.db);
  }

  /**
   * Runs one sync; a call made while another runs waits for it, so runs never interleave.
   * Aborting `signal` stops it between HTTP requests (the one in flight is aborted too) with
   * CANCELLED. Every local write is one item's transaction, so what was synced stays synced
   * and linked, and nothing is half-written; the next run picks up the rest.
   */
  run(opts: { projectSlug?: string; signal?: AbortSignal } = {}): Promise<SyncResult> {
    const once = () => withSignal(opts.signal, () => this.runOnce(opts));
    const next = this.running.then(once, once);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async runOnce(opts: { projectSlug?: string; signal?: AbortSignal }): Promise<SyncResult> {
    const { catalog, api, clock } = this.deps;
    const checkpoint = () => throwIfCancelled(opts.signal, 'the sync');
    checkpoint();
    await this.deps.prepare?.();
    const scope = this.deps.scope();
    const startedAt = clock.now().toISOString();
    let project: string | null = null;
    const tally = new SyncTally((summary) => this.progress('step', project, 'synced an item', summary));
    const env: ReconcileEnv = {
      scope,
      links: this.links,
      conflicts: this.conflicts,
      tx: catalog.store.tx,
      isUncertain: (e) => api.isUncertain(e),
      now: () => clock.now().toISOString(),
      tally,
    };
    let only: Set<string> | undefined;
    if (opts.projectSlug) {
      const p = catalog.store.projects.getBySlug(opts.projectSlug);
      if (!p)
        throw new AppError('NOT_FOUND', `no local project has the slug "${opts.projectSlug}"`, {
          field: 'project',
          hint: 'list projects to see their slugs',
        });
      only = new Set([p.id]);
    }
    this.active = true;
    this.progress('started', null, 'Sync started', tally.summary);
    try {
      const remoteList = await api.listProjects();
      const slugs = new Map(remoteList.map((p) => [p.project_id, p.slug]));
      const projects = await reconcile(
        env,
        projectOps(api, catalog, slugs),
        { parentLocalId: null, root: (id) => id, ...(only ? { only } : {}) },
        localProjectItems(catalog),
        remoteProjectItems(remoteList),
      );
      for (const pair of projects) {
        checkpoint();
        project = catalog.store.projects.get(pair.localId)?.name ?? null;
        this.progress('project', project, `Syncing ${project ?? 'project'}`, tally.summary);
        const remoteMocks = await mockOps(api, catalog, pair).listRemote();
        const mocks = await reconcile(
          env,
          mockOps(api, catalog, pair),
          { parentLocalId: pair.localId, root: () => pair.localId },
          localMockItems(catalog, pair.localId),
          remoteMocks,
        );
        for (const m of mocks) {
          checkpoint();
          const ops = responseOps(api, catalog, m);
          await reconcile(
            env,
            ops,
            { parentLocalId: m.localId, root: () => pair.localId },
            localResponseItems(catalog, m.localId),
            await ops.listRemote(),
          );
        }
      }
      const finishedAt = clock.now().toISOString();
      this.links.recordSync(scope, finishedAt, null);
      this.progress('finished', null, 'Sync finished', tally.summary);
      return { ...tally.summary, startedAt, finishedAt };
    } catch (caught) {
      // However deep the cancel was noticed (a refused request, an aborted fetch), say it once, plainly.
      const e = opts.signal?.aborted ? cancelled('the sync') : caught;
      const message = e instanceof Error ? e.message : String(e);
      this.links.recordSync(scope, null, message);
      this.progress('failed', project, message, tally.summary);
      throw e;
    } finally {
      this.active = false;
    }
  }

  status(): SyncStatus {
    const scope = this.deps.scope();
    const last = this.links.lastSync(scope);
    return {
      running: this.active,
      ...last,
      conflicts: this.conflicts.count(scope),
      pendingChanges: this.pendingChanges(scope),
    };
  }

  /** Compares every local entity's fingerprint with the one recorded at the last sync. */
  private pendingChanges(scope: string): number {
    const store = this.deps.catalog.store;
    const links = new Map(this.links.all(scope).map((l) => [`${l.kind}:${l.localId}`, l]));
    let n = 0;
    const check = (key: string, hash: string) => {
      const l = links.get(key);
      if (!l || l.baseHash !== hash) n++;
      links.delete(key);
    };
    for (const p of store.projects.list()) {
      check(`project:${p.id}`, fingerprint(projectContent(p)));
      for (const m of store.mocks.listByProject(p.id)) check(`mock:${m.id}`, fingerprint(mockContent(m)));
      for (const r of store.responses.listByProject(p.id)) check(`response:${r.id}`, fingerprint(responseContent(r)));
    }
    // What is left are links whose local entity is gone: deletions still to send.
    return n + links.size;
  }

  private progress(phase: SyncProgress['phase'], project: string | null, message: string, summary: SyncSummary): void {
    this.deps.emit({
      phase,
      project,
      message,
      summary: structuredClone(summary),
      at: this.deps.clock.now().toISOString(),
    });
  }
}
