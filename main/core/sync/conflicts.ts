import type { RouteWarning } from '../../../shared/models';
import type { SyncConflictView } from '../../../shared/ipc/cloud';
import type { Catalog } from '../catalog/catalog';
import type { SyncConflictRow, SyncConflictsRepo } from '../store/sync-conflicts-repo';
import type { SyncLinksRepo } from '../store/sync-links-repo';
import { AppError } from '../util/errors';
import {
  canonicalJson,
  fingerprint,
  type Content,
  type ProjectContent,
  type ResponseContent,
  type SyncMockContent,
} from './content';
import type { MockSnapshot } from './kinds';

export type Resolution = 'mine' | 'theirs' | 'both';

export type FieldDiff = SyncConflictView['fields'][number];
/** A conflict as the UI shows it: both versions (null = deleted on that side) and what differs. */
export type SyncConflict = SyncConflictView;

const parse = (s: string | null): Content | null => (s === null ? null : (JSON.parse(s) as Content));

export function describeConflict(row: SyncConflictRow): SyncConflict {
  const base = parse(row.baseJson);
  const mine = parse(row.mineJson);
  const theirs = parse(row.theirsJson);
  const keys = new Set([...Object.keys(mine ?? {}), ...Object.keys(theirs ?? {})]);
  const pick = (c: Content | null, k: string): unknown =>
    c ? (c as unknown as Record<string, unknown>)[k] : undefined;
  const fields: FieldDiff[] = [];
  for (const k of keys) {
    const m = pick(mine, k);
    const t = pick(theirs, k);
    if (canonicalJson(m) !== canonicalJson(t))
      fields.push({ field: k, base: pick(base, k) ?? null, mine: m ?? null, theirs: t ?? null });
  }
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    projectId: row.rootLocalId,
    localId: row.localId,
    remoteId: row.remoteId,
    detectedAt: row.detectedAt,
    base: asRecord(base),
    mine: asRecord(mine),
    theirs: asRecord(theirs),
    fields,
  };
}

const asRecord = (c: Content | null): Record<string, unknown> | null => (c ? { ...c } : null);

const COPY_SUFFIX = ' (cloud copy)';

/**
 * Applies the user's choice by rewriting the recorded base, so the next sync pushes or
 * pulls through the normal path (and re-detects a conflict if either side moved again in
 * the meantime rather than overwriting it). "both" first saves the cloud version as a new
 * local entity, which the next sync uploads as new.
 */
export function resolveConflict(
  deps: { catalog: Catalog; links: SyncLinksRepo; conflicts: SyncConflictsRepo; scope: string },
  id: string,
  choice: Resolution,
): { createdLocalId: string | null; warnings?: RouteWarning[] } {
  const row = deps.conflicts.get(id);
  if (!row || row.scope !== deps.scope)
    throw new AppError('NOT_FOUND', `sync conflict "${id}" does not exist (already resolved?)`, { field: 'id' });
  const { catalog, links, scope } = deps;
  const mine = parse(row.mineJson);
  const theirs = parse(row.theirsJson);
  return catalog.store.tx(() => {
    let created: string | null = null;
    let effective: 'mine' | 'theirs' = choice === 'theirs' ? 'theirs' : 'mine';
    if (choice === 'both') {
      if (theirs) created = copyTheirs(catalog, row, theirs);
      if (!mine) effective = 'theirs';
    }
    const link = links.get(scope, row.kind, row.localId);
    if (link) {
      if (effective === 'mine') {
        if (theirs) links.upsert({ ...link, baseHash: fingerprint(theirs), baseJson: JSON.stringify(theirs) });
        else links.deleteTree(scope, row.kind, row.localId); // gone in the cloud: upload mine as new
      } else if (mine && theirs) {
        links.upsert({ ...link, baseHash: fingerprint(mine), baseJson: JSON.stringify(mine) });
      } else if (!mine) {
        links.deleteTree(scope, row.kind, row.localId); // gone here: the cloud version comes back as new
      } else {
        deleteLocal(catalog, row);
        links.deleteTree(scope, row.kind, row.localId);
      }
    }
    deps.conflicts.delete(scope, row.kind, row.localId);
    // "Keep both" of a mock leaves two mocks on one route: the copy never answers until one is deactivated.
    if (created !== null && row.kind === 'mock') {
      const copy = catalog.store.mocks.get(created);
      const warnings = copy ? catalog.mocks.withWarnings(copy).warnings : undefined;
      if (warnings) return { createdLocalId: created, warnings };
    }
    return { createdLocalId: created };
  });
}

function deleteLocal(catalog: Catalog, row: SyncConflictRow): void {
  if (row.kind === 'project' && catalog.store.projects.get(row.localId)) catalog.projects.delete(row.localId);
  if (row.kind === 'mock' && catalog.store.mocks.get(row.localId)) catalog.mocks.delete(row.localId);
  if (row.kind === 'response' && row.parentLocalId && catalog.store.responses.get(row.localId))
    catalog.responses.delete(row.parentLocalId, row.localId);
}

/** Saves the cloud version as a new local entity, with the children kept beside the conflict. */
function copyTheirs(catalog: Catalog, row: SyncConflictRow, theirs: Content): string {
  const children = row.theirsChildrenJson === null ? [] : (JSON.parse(row.theirsChildrenJson) as unknown[]);
  if (row.kind === 'project') {
    const p = theirs as ProjectContent;
    const draft = {
      project: { ...p, name: `${p.name}${COPY_SUFFIX}`.slice(0, 200) },
      mocks: (children as MockSnapshot[]).map((m) => ({ ...m.content, responses: m.responses })),
    };
    return catalog.trees.create(draft, { source: 'sync', slug: 'unique', port: 'drop' }).project.id;
  }
  if (row.kind === 'mock') {
    const m = theirs as SyncMockContent;
    const draft = { ...m, name: `${m.name}${COPY_SUFFIX}`.slice(0, 200), responses: children as ResponseContent[] };
    return catalog.trees.addMocks(row.rootLocalId, [draft])[0]!.id;
  }
  if (!row.parentLocalId || !catalog.store.mocks.get(row.parentLocalId)) {
    throw new AppError(
      'CONFLICT',
      'the mock this response belonged to no longer exists here, so its cloud copy has nowhere to go',
      {
        hint: 'choose "keep theirs" to restore it, or "keep mine"',
      },
    );
  }
  const r = theirs as ResponseContent;
  // Not the default: the copy must not change which of my responses is the default.
  return catalog.responses.create(row.parentLocalId, {
    ...r,
    name: `${r.name}${COPY_SUFFIX}`.slice(0, 200),
    isDefault: false,
  }).id;
}
