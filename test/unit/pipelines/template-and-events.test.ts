import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/models';
import { toPipelineEvents, triggers } from '../../../main/core/pipelines/events';
import { renderConfig } from '../../../main/core/pipelines/template';
import type { Pipeline } from '../../../shared/models/pipeline';

describe('{{event.field}} in step configs', () => {
  const scope = { spec_path: '/a.yaml', n: 3, nested: { id: 'x' }, list: [1, 2] };
  it('substitutes fields in every string of the config, nested paths and non-strings as JSON', () => {
    expect(
      renderConfig(
        {
          a: 'spec {{event.spec_path}}',
          b: ['{{ event.n }}', { c: '{{event.nested.id}}' }],
          d: 5,
          e: '{{event.list}}',
        },
        scope,
      ),
    ).toEqual({ a: 'spec /a.yaml', b: ['3', { c: 'x' }], d: 5, e: '[1,2]' });
  });
  it('reads own properties only: unknown fields and prototype names become ""', () => {
    expect(
      renderConfig('[{{event.missing}}][{{event.constructor}}][{{event.__proto__}}][{{event.nested.toString}}]', scope),
    ).toBe('[][][][]');
  });
  it('leaves other mustaches alone', () => {
    expect(renderConfig('{{pipeline.name}} {{#if x}}', scope)).toBe('{{pipeline.name}} {{#if x}}');
  });
});

const at = '2026-01-01T00:00:00.000Z';
const ev = (e: DomainEvent) => ({ ...e, createdAt: at });

describe('domain events as pipeline events', () => {
  it('coalesces a burst of edits into one config.changed per project, listing at most 50 changes', () => {
    const edits = Array.from({ length: 60 }, (_, i) =>
      ev({ type: 'mock.updated', payload: { projectId: 'p1', mockId: `m${i}` } }),
    );
    const out = toPipelineEvents(
      [...edits, ev({ type: 'response.created', payload: { projectId: 'p2', mockId: 'm', responseId: 'r' } })],
      (id) => `slug-${id}`,
    );
    expect(out.map((e) => [e.event_type, e.workspace_id])).toEqual([
      ['config.changed', 'p1'],
      ['config.changed', 'p2'],
    ]);
    expect(out[0]!.payload.change_count).toBe(60);
    expect(out[0]!.payload.changes).toHaveLength(50);
    expect(out[1]!.payload).toMatchObject({
      slug: 'slug-p2',
      changes: [{ kind: 'response', action: 'created', id: 'r' }],
    });
  });
  it('a deleted project and bucket edits are not config changes; a native import is not a schema change', () => {
    const out = toPipelineEvents(
      [
        ev({ type: 'project.deleted', payload: { projectId: 'p' } }),
        ev({ type: 'bucket.updated', payload: { projectId: 'p', bucketId: 'b' } }),
        ev({
          type: 'project.imported',
          payload: { projectId: 'p', source: 'project-file', mockCount: 1, responseCount: 1 },
        }),
      ],
      () => null,
    );
    expect(out).toEqual([]);
  });

  const pipeline = (over: Partial<Pipeline['definition']> = {}, workspace_id: string | null = null): Pipeline => ({
    id: 'x',
    name: 'x',
    workspace_id,
    org_id: null,
    created_at: at,
    updated_at: at,
    definition: {
      enabled: true,
      triggers: [{ event: 'schema.changed', filters: { schema_type: 'openapi', mock_count: 2 } }],
      steps: [],
      ...over,
    },
  });
  const event = (payload: Record<string, unknown>, workspace_id = 'w') => ({
    event_type: 'schema.changed',
    workspace_id,
    payload,
  });
  it('matches every filter against the payload (numbers and their strings alike), the workspace, and enabled', () => {
    expect(triggers(pipeline(), event({ schema_type: 'openapi', mock_count: 2 }))).toBe(true);
    expect(triggers(pipeline(), event({ schema_type: 'openapi', mock_count: '2' }))).toBe(true);
    expect(triggers(pipeline(), event({ schema_type: 'mockoon', mock_count: 2 }))).toBe(false);
    expect(triggers(pipeline(), event({ mock_count: 2 }))).toBe(false);
    expect(triggers(pipeline({}, 'other'), event({ schema_type: 'openapi', mock_count: 2 }))).toBe(false);
    expect(triggers(pipeline({ enabled: false }), event({ schema_type: 'openapi', mock_count: 2 }))).toBe(false);
    expect(
      triggers(pipeline({ triggers: [{ event: 'schema.changed', filters: { workspace_id: 'w' } }] }), event({})),
    ).toBe(true);
  });
});
