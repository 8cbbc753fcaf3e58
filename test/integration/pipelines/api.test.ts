import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const projectId = () => api.app.catalog.projects.create({ name: `P ${Math.random()}` }).id;

describe('pipelines REST API (mockops-api.md §Pipelines)', () => {
  it('creates, gets, lists, patches and deletes a pipeline in the documented shapes', async () => {
    const ws = projectId();
    const created = await api.call('POST', '/api/v1/pipelines', {
      ...webhookPipeline(receiver.url, 'config.changed'),
      workspace_id: ws,
      org_id: 'org-1',
    });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json).sort()).toEqual(
      ['created_at', 'definition', 'id', 'name', 'org_id', 'updated_at', 'workspace_id'].sort(),
    );
    expect(created.json).toMatchObject({ name: 'on-config.changed', workspace_id: ws, org_id: 'org-1' });
    expect(created.json.definition.steps[0]).toMatchObject({
      step_type: 'notify',
      continue_on_error: false,
      timeout: null,
    });
    const id: string = created.json.id;

    expect((await api.call('GET', `/api/v1/pipelines/${id}`)).json).toEqual(created.json);

    const patched = await api.call('PATCH', `/api/v1/pipelines/${id}`, { name: 'renamed', enabled: false });
    expect(patched.status).toBe(200);
    expect(patched.json.name).toBe('renamed');
    expect(patched.json.definition.enabled).toBe(false);

    const del = await api.call('DELETE', `/api/v1/pipelines/${id}`);
    expect(del.status).toBe(204);
    expect(await api.call('GET', `/api/v1/pipelines/${id}`)).toEqual({
      status: 404,
      json: { error: 'Not found', message: 'Pipeline not found' },
    });
  });

  it('answers bad input with 400 { error: "Invalid request", message } naming the field', async () => {
    const noName = await api.call('POST', '/api/v1/pipelines', { definition: { steps: [] } });
    expect(noName.status).toBe(400);
    expect(noName.json).toEqual({ error: 'Invalid request', message: expect.stringContaining('name') });

    const badStep = await api.call('POST', '/api/v1/pipelines', {
      name: 'x',
      definition: { triggers: [{ event: 'nope' }], steps: [{ name: 's', step_type: 'notify' }] },
    });
    expect(badStep.status).toBe(400);
    expect(badStep.json.message).toMatch(/event must be one of workspace.created/);

    const badWs = await api.call('POST', '/api/v1/pipelines', {
      ...webhookPipeline(receiver.url, 'config.changed'),
      workspace_id: 'nope',
    });
    expect(badWs.status).toBe(400);
    expect(badWs.json.message).toMatch(/workspace_id nope is not a MockDeck project/);

    expect((await api.call('POST', '/api/v1/pipelines', '[1]')).json).toEqual({
      error: 'Invalid request',
      message: expect.stringContaining('JSON object'),
    });
    expect((await api.call('GET', '/api/v1/pipelines?enabled=maybe')).json).toEqual({
      error: 'Invalid request',
      message: 'enabled must be true or false, got "maybe"',
    });
    expect((await api.call('GET', '/api/v1/pipelines/executions?status=done')).status).toBe(400);
    expect((await api.call('GET', '/api/v1/pipelines/executions?limit=0')).status).toBe(400);
    expect((await api.call('PATCH', '/api/v1/pipelines/missing', { name: 'x' })).status).toBe(404);
    expect((await api.call('POST', '/api/v1/pipelines/missing/trigger')).json).toEqual({
      error: 'Not found',
      message: 'Pipeline not found',
    });
    expect((await api.call('GET', '/api/v1/pipelines/missing/stats')).status).toBe(404);
    expect((await api.call('GET', '/api/v1/pipelines/executions/missing')).json).toEqual({
      error: 'Not found',
      message: 'Pipeline execution not found',
    });
  });

  it('filters the list by workspace_id, org_id and enabled, and pages it with limit and offset', async () => {
    const a = projectId();
    const b = projectId();
    const mk = (name: string, ws: string, org: string, enabled: boolean) =>
      api.call('POST', '/api/v1/pipelines', {
        name,
        workspace_id: ws,
        org_id: org,
        definition: { ...webhookPipeline(receiver.url, 'config.changed').definition, enabled },
      });
    await mk('a1', a, 'o1', true);
    await mk('a2', a, 'o2', false);
    await mk('b1', b, 'o1', true);
    const names = async (q: string) =>
      ((await api.call('GET', `/api/v1/pipelines${q}`)).json as { name: string }[]).map((p) => p.name);
    expect(await names('')).toEqual(['a1', 'a2', 'b1']);
    expect(await names(`?workspace_id=${a}`)).toEqual(['a1', 'a2']);
    expect(await names('?org_id=o1')).toEqual(['a1', 'b1']);
    expect(await names('?enabled=false')).toEqual(['a2']);
    expect(await names(`?workspace_id=${a}&enabled=true`)).toEqual(['a1']);
    expect(await names('?limit=2')).toEqual(['a1', 'a2']);
    expect(await names('?limit=2&offset=2')).toEqual(['b1']);
  });

  it('triggers a run off the request path, and lists, filters, pages and counts executions', async () => {
    const id = (await api.call('POST', '/api/v1/pipelines', webhookPipeline(receiver.url, 'schema.changed'))).json.id;
    const trig = await api.call('POST', `/api/v1/pipelines/${id}/trigger`, {
      event: {
        event_type: 'schema.changed',
        workspace_id: 'w1',
        payload: { spec_path: '/s.yaml', schema_type: 'openapi' },
      },
    });
    expect(trig.status).toBe(200);
    expect(trig.json).toMatchObject({
      pipeline_id: id,
      status: 'started',
      completed_at: null,
      error_message: null,
      execution_log: [],
    });
    expect(trig.json.trigger_event).toMatchObject({ event_type: 'schema.changed', payload: { spec_path: '/s.yaml' } });
    await api.call('POST', `/api/v1/pipelines/${id}/trigger`);
    await api.settle();

    const one = await api.call('GET', `/api/v1/pipelines/executions/${trig.json.id}`);
    expect(one.json.status).toBe('completed');
    expect(one.json.execution_log).toEqual([
      expect.objectContaining({
        step_name: 'hook',
        step_type: 'notify',
        status: 'completed',
        error_message: null,
        output: expect.objectContaining({ status_code: 200 }),
      }),
    ]);
    expect(JSON.parse(receiver.received[0]!.body).message).toBe('ws w1');

    const list = await api.call('GET', `/api/v1/pipelines/executions?pipeline_id=${id}`);
    expect(list.json).toHaveLength(2);
    expect(list.json[1].id).toBe(trig.json.id); // newest first
    expect(
      (await api.call('GET', `/api/v1/pipelines/executions?pipeline_id=${id}&limit=1&offset=1`)).json.map(
        (e: { id: string }) => e.id,
      ),
    ).toEqual([trig.json.id]);
    expect((await api.call('GET', '/api/v1/pipelines/executions?status=failed')).json).toEqual([]);
    expect((await api.call('GET', '/api/v1/pipelines/executions?status=completed')).json).toHaveLength(2);

    const stats = await api.call('GET', `/api/v1/pipelines/${id}/stats`);
    expect(stats.json).toMatchObject({
      pipeline_id: id,
      total_executions: 2,
      successful_executions: 2,
      failed_executions: 0,
    });
    expect(stats.json.last_execution_at).toEqual(expect.any(String));
    expect(stats.json.average_duration_ms).toEqual(expect.any(Number));
  });

  it('imports the YAML form of mockops-api.md §Examples', async () => {
    const yaml = `
name: auto-sdk-regeneration
definition:
  enabled: true
  triggers:
    - event: schema.changed
      filters:
        schema_type: openapi
  steps:
    - name: notify_team
      step_type: notify
      config:
        type: slack
        slack_webhook_url: "${receiver.url}/slack"
        channels:
          - "#devops"
        message: "SDKs regenerated for {{event.spec_path}}"
`;
    const r = await api.app.router.call('pipelines.importYaml', { text: yaml });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('auto-sdk-regeneration');
    expect(r.value.definition.triggers).toEqual([{ event: 'schema.changed', filters: { schema_type: 'openapi' } }]);
    const bad = await api.app.router.call('pipelines.importYaml', { text: 'name: x\ndefinition: [' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/does not parse/);
  });
});
