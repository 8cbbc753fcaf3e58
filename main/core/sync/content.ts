import { createHash } from 'node:crypto';
import type { MockContent, ProjectContent, ResponseContent, Unchecked } from '../../../shared/models';

/**
 * What sync compares: the content of shared/models/content.ts, in one canonical shape.
 * Local-only fields (ids, timestamps, a project's port and slug, sort order) are not
 * content. The local side maps with the model's pickers (projectContent, mockContent,
 * responseContent), the cloud side with shared/wire/mockbird.ts (wire*Content).
 */
export type { ProjectContent, ResponseContent } from '../../../shared/models';
/** A mock as sync sees it: the cloud may hold a method or type this MockDeck does not serve. */
export type SyncMockContent = Unchecked<MockContent>;
export type Content = ProjectContent | SyncMockContent | ResponseContent;

export { mockContent, projectContent, responseContent } from '../../../shared/models';
export {
  wireMockContent as remoteMockContent,
  wireProjectContent as remoteProjectContent,
  wireResponseContent as remoteResponseContent,
} from '../../../shared/wire/mockbird';

/** JSON with object keys sorted, so equal content always serialises alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export const fingerprint = (c: Content): string =>
  createHash('sha256').update(canonicalJson(c)).digest('hex').slice(0, 32);

/** A short human label for progress messages and the conflicts list. */
export function labelOf(kind: 'project' | 'mock' | 'response', c: Content): string {
  if (kind === 'mock') {
    const m = c as SyncMockContent;
    return `${m.method} ${m.path} (${m.name})`;
  }
  return (c as ProjectContent | ResponseContent).name;
}
