import type { DomainEvent } from '../../../shared/models';
import type { Pipeline, PipelineEvent } from '../../../shared/models/pipeline';
import { fieldOf } from './template';

/** The most changes a coalesced config.changed lists (the count says how many there were). */
const MAX_CHANGES_LISTED = 50;

interface Change {
  kind: string;
  action: string;
  id: string;
}

/**
 * MockDeck's domain events as mockops pipeline events. Edits (project, mock, response) become
 * one `config.changed` per project per batch: an import or a burst of typing is one event
 * listing its changes, not hundreds of runs. Order otherwise follows the outbox.
 */
export function toPipelineEvents(
  entries: readonly (DomainEvent & { createdAt: string })[],
  slugOf: (projectId: string) => string | null,
): PipelineEvent[] {
  const out: PipelineEvent[] = [];
  const config = new Map<string, { event: PipelineEvent; changes: Change[]; count: number }>();
  const base = (
    projectId: string,
    timestamp: string,
    event_type: string,
    payload: Record<string, unknown>,
  ): PipelineEvent => ({
    event_type,
    workspace_id: projectId,
    timestamp,
    payload: { workspace_id: projectId, slug: slugOf(projectId), ...payload },
  });
  for (const e of entries) {
    const p = e.payload;
    switch (e.type) {
      case 'project.created':
        out.push(
          base(p.projectId, e.createdAt, 'workspace.created', { project_id: p.projectId, name: e.payload.name }),
        );
        break;
      case 'project.imported':
        if (e.payload.source === 'import') {
          out.push(
            base(p.projectId, e.createdAt, 'schema.changed', {
              source: e.payload.source,
              mock_count: e.payload.mockCount,
              response_count: e.payload.responseCount,
            }),
          );
        }
        break;
      case 'marketplace.published':
        out.push(
          base(p.projectId, e.createdAt, 'scenario.published', {
            scenario_id: e.payload.scenarioId,
            scenario_name: e.payload.scenarioName,
            version: e.payload.version ?? null,
          }),
        );
        break;
      case 'promotion.completed':
        out.push(
          base(p.projectId, e.createdAt, 'promotion.completed', {
            entity_type: e.payload.entityType,
            entity_id: e.payload.entityId,
            from_environment: e.payload.fromEnvironment,
            to_environment: e.payload.toEnvironment,
            deployment_id: e.payload.deploymentId ?? null,
            url: e.payload.url ?? null,
          }),
        );
        break;
      default: {
        const [kind = '', action = ''] = e.type.split('.');
        if (kind !== 'project' && kind !== 'mock' && kind !== 'response') break;
        if (e.type === 'project.deleted') break;
        const id = 'responseId' in p ? p.responseId : 'mockId' in p ? p.mockId : p.projectId;
        let c = config.get(p.projectId);
        if (!c) {
          c = { event: base(p.projectId, e.createdAt, 'config.changed', {}), changes: [], count: 0 };
          config.set(p.projectId, c);
          out.push(c.event);
        }
        c.count++;
        if (c.changes.length < MAX_CHANGES_LISTED) c.changes.push({ kind, action, id });
      }
    }
  }
  for (const c of config.values()) {
    c.event.payload.changes = c.changes;
    c.event.payload.change_count = c.count;
  }
  return out;
}

/** What a trigger's filters and `{{event.x}}` see: the payload's fields, then the event's own. */
export function scopeOf(event: PipelineEvent): Record<string, unknown> {
  return {
    ...event.payload,
    event_type: event.event_type,
    workspace_id: event.workspace_id ?? null,
    timestamp: event.timestamp,
  };
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== null && b !== null && typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));

/** Whether `p` runs on `event`: one of its triggers names the type and all that trigger's filters match. */
export function triggers(p: Pipeline, event: PipelineEvent): boolean {
  if (!p.definition.enabled) return false;
  if (p.workspace_id !== null && event.workspace_id !== p.workspace_id) return false;
  const scope = scopeOf(event);
  return p.definition.triggers.some(
    (t) => t.event === event.event_type && Object.entries(t.filters).every(([k, v]) => same(fieldOf(scope, k), v)),
  );
}
