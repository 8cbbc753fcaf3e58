import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPromotionCompleted, recordScenarioPublished } from '../../../main/core/pipelines';
import { startPipelines, startReceiver, webhookPipeline, type PipelinesApi } from './harness';

let api: PipelinesApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(async () => {
  api = await startPipelines();
  receiver = await startReceiver();
});
afterEach(async () => {
  await api.close();
  await receiver.close();
});

const create = async (event: string, filters: Record<string, unknown> = {}, workspace_id?: string) => {
  const r = await api.call('POST', '/api/v1/pipelines', {
    ...webhookPipeline(receiver.url, event, {}, filters),
    ...(workspace_id ? { workspace_id } : {}),
  });
  expect(r.status).toBe(200);
  return r.json.id as string;
};
const executionsOf = async (id: string) =>
  (await api.call('GET', `/api/v1/pipelines/executions?pipeline_id=${id}`)).json as {
    status: string;
    trigger_event: { event_type: string; workspace_id: string; payload: Record<string, unknown> };
  }[];

describe('events MockDeck emits trigger pipelines (after commit, from the outbox)', () => {
  it('workspace.created: a project created', async () => {
    const id = await create('workspace.created');
    const p = api.app.catalog.projects.create({ name: 'Shop' });
    await api.settle();
    const [e] = await executionsOf(id);
    expect(e).toMatchObject({
      status: 'completed',
      trigger_event: { event_type: 'workspace.created', workspace_id: p.id, payload: { slug: p.slug, name: 'Shop' } },
    });
    expect(JSON.parse(receiver.received[0]!.body).event.event_type).toBe('workspace.created');
  });

  it('config.changed: a burst of project, mock and response edits is one event per project listing them', async () => {
    const p = api.app.catalog.projects.create({ name: 'Shop' });
    await api.settle();
    const id = await create('config.changed');
    const m = api.app.catalog.mocks.create(p.id, { name: 'u', path: '/u', method: 'GET' });
    api.app.catalog.mocks.update(m.id, { name: 'users' });
    api.app.catalog.projects.update(p.id, { description: 'd' });
    await api.settle();
    const list = await executionsOf(id);
    expect(list).toHaveLength(1);
    expect(list[0]!.trigger_event.payload).toMatchObject({ workspace_id: p.id, change_count: expect.any(Number) });
    const kinds = (list[0]!.trigger_event.payload.changes as { kind: string }[]).map((c) => c.kind);
    expect(kinds).toContain('mock');
    expect(kinds).toContain('project');
  });

  it('schema.changed: a project imported from a spec (project.imported, source import); not a native file', async () => {
    const id = await create('schema.changed');
    const tree = (name: string) => ({
      project: { name },
      mocks: [{ name: 'a', method: 'GET' as const, path: '/a', responses: [{ statusCode: 200, body: 'a' }] }],
    });
    const imported = api.app.catalog.trees.create(tree('From spec'), { source: 'import' });
    api.app.catalog.trees.create(tree('From file'), { source: 'project-file' });
    await api.settle();
    const list = await executionsOf(id);
    expect(list).toHaveLength(1);
    expect(list[0]!.trigger_event).toMatchObject({
      event_type: 'schema.changed',
      workspace_id: imported.project.id,
      payload: { source: 'import', mock_count: 1 },
    });
  });

  it('scenario.published and promotion.completed, recorded through main/core/catalog/record-events.ts', async () => {
    const p = api.app.catalog.projects.create({ name: 'Shop' });
    const pub = await create('scenario.published');
    const promo = await create('promotion.completed');
    recordScenarioPublished(api.app.catalog, { projectId: p.id, scenarioId: 'sc-1', scenarioName: 'checkout' });
    recordPromotionCompleted(api.app.catalog, {
      projectId: p.id,
      entityType: 'project',
      entityId: p.id,
      fromEnvironment: 'dev',
      toEnvironment: 'test',
    });
    await api.settle();
    expect((await executionsOf(pub))[0]!.trigger_event.payload).toMatchObject({
      scenario_id: 'sc-1',
      scenario_name: 'checkout',
    });
    expect((await executionsOf(promo))[0]!.trigger_event.payload).toMatchObject({
      from_environment: 'dev',
      to_environment: 'test',
    });
  });

  it('filters match payload fields; a pipeline with a workspace_id hears only its project; disabled ones nothing', async () => {
    const a = api.app.catalog.projects.create({ name: 'A' });
    const b = api.app.catalog.projects.create({ name: 'B' });
    await api.settle();
    const byFilter = await create('scenario.published', { scenario_name: 'checkout' });
    const byWorkspace = await create('scenario.published', {}, b.id);
    const disabled = await create('scenario.published');
    await api.call('PATCH', `/api/v1/pipelines/${disabled}`, { enabled: false });
    recordScenarioPublished(api.app.catalog, { projectId: a.id, scenarioId: '1', scenarioName: 'checkout' });
    recordScenarioPublished(api.app.catalog, { projectId: a.id, scenarioId: '2', scenarioName: 'login' });
    recordScenarioPublished(api.app.catalog, { projectId: b.id, scenarioId: '3', scenarioName: 'login' });
    await api.settle();
    expect((await executionsOf(byFilter)).map((e) => e.trigger_event.payload.scenario_id)).toEqual(['1']);
    expect((await executionsOf(byWorkspace)).map((e) => e.trigger_event.payload.scenario_id)).toEqual(['3']);
    expect(await executionsOf(disabled)).toEqual([]);
  });

  it('a change that rolled back triggers nothing', async () => {
    const id = await create('workspace.created');
    expect(() =>
      api.app.store.tx(() => {
        api.app.catalog.projects.create({ name: 'Gone' });
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    await api.settle();
    expect(await executionsOf(id)).toEqual([]);
  });
});
