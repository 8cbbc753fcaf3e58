import type { SyncConflictsRepo } from '../store/sync-conflicts-repo';
import type { SyncKind, SyncLink, SyncLinksRepo } from '../store/sync-links-repo';
import { newId } from '../util/ids';
import { AppError } from '../util/errors';
import { fingerprint, labelOf, type Content } from './content';
import type { SyncTally } from './tally';

export interface Item<C extends Content> {
  id: string;
  content: C;
}

/** How one kind of entity is read and written on each side, within one parent. */
export interface KindOps<C extends Content> {
  kind: SyncKind;
  listRemote(): Promise<Item<C>[]>;
  createRemote(c: C, localId: string): Promise<string>;
  updateRemote(remoteId: string, c: C): Promise<void>;
  deleteRemote(remoteId: string): Promise<void>;
  /** Runs inside a catalog transaction together with the link write. Returns the local id. */
  createLocal(c: C, remoteId: string): string;
  updateLocal(localId: string, c: C): void;
  deleteLocal(localId: string): void;
  /** The cloud copy's children, kept with a conflict so "keep both" can copy them. */
  remoteChildren?(remoteId: string): Promise<unknown>;
  /** Beyond equal content, what makes an unlinked local and remote entity the same one (a project's slug). */
  sameIdentity?(localId: string, remoteId: string): boolean;
}

export interface ReconcileEnv {
  scope: string;
  links: SyncLinksRepo;
  conflicts: SyncConflictsRepo;
  tx: <T>(fn: () => T) => T;
  /** Whether a failed cloud write may still have been applied (RemoteProjects.isUncertain). */
  isUncertain: (e: unknown) => boolean;
  now: () => string;
  tally: SyncTally;
}

export interface Collection {
  parentLocalId: string | null;
  /** The project an entity belongs to (a project is its own root). */
  root: (localId: string) => string;
  /** Limit to these local ids (syncing one project); unlinked remotes are then not pulled. */
  only?: ReadonlySet<string>;
}

/** A pair that exists on both sides after reconciling: its children get reconciled next. */
export interface Pair {
  localId: string;
  remoteId: string;
}

const MAX_CREATE_TRIES = 3;

/**
 * Three-way reconcile of one collection against the fingerprints of the last sync. Every
 * step commits its link right after its write, so a sync cut short anywhere resumes safely.
 */
export async function reconcile<C extends Content>(
  env: ReconcileEnv,
  ops: KindOps<C>,
  coll: Collection,
  locals: Item<C>[],
  remotes: Item<C>[],
): Promise<Pair[]> {
  const { scope, links } = env;
  const localById = new Map(locals.map((l) => [l.id, l]));
  const remoteById = new Map(remotes.map((r) => [r.id, r]));
  const inScope = (localId: string) => !coll.only || coll.only.has(localId);
  const rows = links.children(scope, ops.kind, coll.parentLocalId).filter((l) => inScope(l.localId));
  const claimed = new Set(rows.map((l) => l.remoteId).filter((x): x is string => x !== null));
  // Remote entities no link claims: a create whose answer was lost may be among them.
  const unclaimed = () => remotes.filter((r) => !claimed.has(r.id));
  const pairs: Pair[] = [];

  /** Forgets an entity's link, and the links and conflicts below it. */
  const forget = (localId: string): void => {
    links.deleteTree(scope, ops.kind, localId);
    env.conflicts.deleteTree(scope, ops.kind, localId);
  };

  const link = (localId: string, remoteId: string | null, c: C | null, pendingHash: string | null = null): void => {
    links.upsert({
      scope,
      kind: ops.kind,
      localId,
      remoteId,
      parentLocalId: coll.parentLocalId,
      rootLocalId: coll.root(localId),
      baseHash: c ? fingerprint(c) : null,
      baseJson: c ? JSON.stringify(c) : null,
      pendingHash,
      syncedAt: env.now(),
    });
  };

  const createRemote = async (local: Item<C>): Promise<void> => {
    const hash = fingerprint(local.content);
    for (let attempt = 1; ; attempt++) {
      link(local.id, null, null, hash);
      try {
        const remoteId = await ops.createRemote(local.content, local.id);
        claimed.add(remoteId);
        link(local.id, remoteId, local.content);
        env.tally.pushed(ops.kind);
        pairs.push({ localId: local.id, remoteId });
        return;
      } catch (e) {
        if (!env.isUncertain(e) || attempt >= MAX_CREATE_TRIES) throw e;
        // The server may have created it before the answer was lost: look before creating again.
        const found = (await ops.listRemote()).find((r) => !claimed.has(r.id) && fingerprint(r.content) === hash);
        if (found) {
          claimed.add(found.id);
          link(local.id, found.id, local.content);
          env.tally.pushed(ops.kind);
          pairs.push({ localId: local.id, remoteId: found.id });
          return;
        }
      }
    }
  };

  for (const row of rows) {
    const local = localById.get(row.localId);
    if (row.remoteId === null) {
      // An unconfirmed create from an earlier run: adopt the remote twin if it landed.
      const twin = unclaimed().find((r) => fingerprint(r.content) === row.pendingHash);
      if (twin) {
        claimed.add(twin.id);
        const adopted: SyncLink = {
          ...row,
          remoteId: twin.id,
          baseHash: row.pendingHash,
          baseJson: JSON.stringify(twin.content),
          pendingHash: null,
        };
        links.upsert(adopted);
        await settle(adopted, local, twin);
      } else if (local) {
        await createRemote(local);
      } else {
        forget(row.localId);
      }
      continue;
    }
    await settle(row, local, remoteById.get(row.remoteId));
  }

  async function settle(row: SyncLink, local: Item<C> | undefined, remote: Item<C> | undefined): Promise<void> {
    const remoteId = row.remoteId!;
    const lh = local ? fingerprint(local.content) : null;
    const rh = remote ? fingerprint(remote.content) : null;
    const localChanged = lh !== row.baseHash;
    const remoteChanged = rh !== row.baseHash;

    if (local && remote && lh === rh) {
      if (localChanged) link(row.localId, remoteId, local.content);
      env.conflicts.delete(scope, ops.kind, row.localId);
      pairs.push({ localId: row.localId, remoteId });
      return;
    }
    if (!local && !remote) {
      env.tx(() => forget(row.localId));
      return;
    }
    if (localChanged && remoteChanged) {
      await recordConflict(row, local, remote);
      if (local && remote) pairs.push({ localId: row.localId, remoteId });
      return;
    }
    env.conflicts.delete(scope, ops.kind, row.localId);
    if (local && remote) {
      if (localChanged) {
        await ops.updateRemote(remoteId, local.content);
        link(row.localId, remoteId, local.content);
        env.tally.pushed(ops.kind);
      } else {
        env.tx(() => {
          ops.updateLocal(row.localId, remote.content);
          link(row.localId, remoteId, remote.content);
        });
        env.tally.pulled(ops.kind);
      }
      pairs.push({ localId: row.localId, remoteId });
    } else if (!local) {
      // Deleted here, unchanged there: the link is the tombstone that carries the deletion.
      await ops.deleteRemote(remoteId);
      forget(row.localId);
      env.tally.deletedRemote(ops.kind);
    } else {
      env.tx(() => {
        ops.deleteLocal(row.localId);
        forget(row.localId);
      });
      env.tally.deletedLocal(ops.kind);
    }
  }

  async function recordConflict(row: SyncLink, local: Item<C> | undefined, remote: Item<C> | undefined): Promise<void> {
    const existing = env.conflicts.find(scope, ops.kind, row.localId);
    const children = remote && ops.remoteChildren ? await ops.remoteChildren(remote.id) : null;
    const shown = (local ?? remote)!.content;
    env.conflicts.upsert({
      id: existing?.id ?? newId(),
      scope,
      kind: ops.kind,
      localId: row.localId,
      remoteId: row.remoteId!,
      rootLocalId: row.rootLocalId,
      parentLocalId: row.parentLocalId,
      label: labelOf(ops.kind, shown),
      baseJson: row.baseJson,
      mineJson: local ? JSON.stringify(local.content) : null,
      theirsJson: remote ? JSON.stringify(remote.content) : null,
      theirsChildrenJson: children === null ? null : JSON.stringify(children),
      detectedAt: existing?.detectedAt ?? env.now(),
    });
    env.tally.conflict();
  }

  // Local entities the cloud has never seen. An unlinked cloud entity with identical content
  // is the same one met for the first time (another machine, another scope): link, don't copy.
  const linkedLocal = new Set(rows.map((r) => r.localId));
  for (const local of locals) {
    if (linkedLocal.has(local.id) || !inScope(local.id)) continue;
    const hash = fingerprint(local.content);
    const twin = unclaimed().find(
      (r) => fingerprint(r.content) === hash && (ops.sameIdentity?.(local.id, r.id) ?? true),
    );
    if (twin) {
      claimed.add(twin.id);
      link(local.id, twin.id, local.content);
      pairs.push({ localId: local.id, remoteId: twin.id });
    } else {
      await createRemote(local);
    }
  }

  // Cloud entities this machine has never seen.
  if (!coll.only) {
    for (const remote of unclaimed()) {
      try {
        const localId = env.tx(() => {
          const id = ops.createLocal(remote.content, remote.id);
          link(id, remote.id, remote.content);
          return id;
        });
        claimed.add(remote.id);
        env.tally.pulled(ops.kind);
        pairs.push({ localId, remoteId: remote.id });
      } catch (e) {
        // Content MockDeck cannot hold (e.g. an unsupported method) is reported, not fatal.
        if (e instanceof AppError && e.code === 'VALIDATION_ERROR') env.tally.skip(ops.kind, remote.id, e.message);
        else throw e;
      }
    }
  }
  return pairs;
}
