import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { recordScenarioPublished } from '../../../main/core/pipelines';
import { MemorySecretStore } from '../../../main/core/secrets';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, seedProject, startServer } from '../cloud/harness';
import { startReceiver, webhookPipeline } from './harness';

describe('auto_promote against the cloud contract server', () => {
  let server: CloudServerHandle;
  let app: App;
  let dir: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    server = await startServer({ deployReadyAfterMs: 100 });
    receiver = await startReceiver();
    dir = mkdtempSync(path.join(tmpdir(), 'pipe-promote-'));
    app = await openApp({
      dataDir: dir,
      cloud: {
        secrets: { store: new MemorySecretStore(), mode: { kind: 'memory', reason: 'test' } },
        retry: { baseDelayMs: 10 },
      },
      pipelineSecrets: () => Promise.resolve(new MemorySecretStore()),
      pipelines: { retry: { attempts: 2, baseDelayMs: 5 }, coalesceMs: 20 },
    });
    const cloud = await app.cloud();
    cloud.settings.setBaseUrl(server.url);
    await cloud.session.register(newUser());
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on scenario.published: syncs and deploys the project (dev → test), then emits promotion.completed', async () => {
    const p = seedProject(app.catalog, 'Promote Me', 2);
    const promote = await app.pipelines.create({
      name: 'auto-promote-to-test',
      definition: {
        triggers: [{ event: 'scenario.published', filters: { workspace_id: p.id } }],
        steps: [
          {
            name: 'auto_promote',
            step_type: 'auto_promote',
            config: {
              entity_type: 'scenario',
              entity_id: '{{event.scenario_id}}',
              from_environment: 'dev',
              to_environment: 'test',
            },
          },
        ],
      },
    });
    const after = await app.pipelines.create(webhookPipeline(receiver.url, 'promotion.completed'));
    recordScenarioPublished(app.catalog, { projectId: p.id, scenarioId: 'sc-9', scenarioName: 'checkout' });
    await app.pipelineWorker!.settle();
    await app.pipelineWorker!.settle(); // the promotion's own event, read after the first run

    const [run] = app.pipelines.executions({ pipeline_id: promote.id });
    expect(run?.execution_log[0]?.error_message).toBeNull();
    expect(run?.status).toBe('completed');
    const out = run!.execution_log[0]!.output as { deployment_id: string; url: string };
    const deployments = await (await app.cloud()).listDeployments({ projectId: p.id });
    expect(deployments.map((d) => d.id)).toContain(out.deployment_id);

    const [notified] = app.pipelines.executions({ pipeline_id: after.id });
    expect(notified?.trigger_event.payload).toMatchObject({
      workspace_id: p.id,
      entity_type: 'scenario',
      entity_id: 'sc-9',
      from_environment: 'dev',
      to_environment: 'test',
      deployment_id: out.deployment_id,
    });
    expect(receiver.received).toHaveLength(1);
  }, 60_000);

  it('refuses environments it does not know with a step error naming them', async () => {
    const p = app.catalog.projects.create({ name: 'Envs' });
    const pl = await app.pipelines.create({
      name: 'bad-env',
      workspace_id: p.id,
      definition: {
        steps: [
          { name: 'up', step_type: 'auto_promote', config: { from_environment: 'dev', to_environment: 'staging' } },
        ],
      },
    });
    const e = app.pipelines.trigger(pl.id);
    await app.pipelineWorker!.settle();
    expect(app.pipelines.execution(e.id).execution_log[0]?.error_message).toBe(
      'to_environment must be one of test, prod',
    );
  });
});
