import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud } from '../../../main/core/cloud/cloud';
import { Core } from '../../../main/core/core';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, seedProject, startServer } from './harness';

describe('one-click deploy', () => {
  let server: CloudServerHandle;
  let core: Core;
  let cloud: Cloud;
  let dir: string;

  beforeAll(async () => {
    server = await startServer({ deployReadyAfterMs: 200 });
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-deploy-'));
    core = Core.open({ dataDir: dir, port: 0 });
    await core.server.start({ port: 0 });
    cloud = new Cloud({
      catalog: core.catalog,
      secrets: new MemorySecretStore(),
      secretsMode: { kind: 'memory', reason: 'test' },
      retry: { baseDelayMs: 10 },
    });
    cloud.settings.setBaseUrl(server.url);
    await cloud.session.register(newUser());
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs, deploys, waits until healthy, and the public URL answers like the local server', async () => {
    const p = seedProject(core.catalog, 'Deploy Me', 6);
    const statuses: string[] = [];
    const d = await cloud.deploy(p.id, { pollMs: 50, timeoutMs: 20_000, onStatus: (s) => statuses.push(s.status) });
    expect(d).toMatchObject({ status: 'active', health: 'healthy', slug: p.slug, projectId: p.id });
    expect(statuses[0]).toBe('deploying');
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

    const local = core.server.projectUrl(p.slug)!;
    const requests: { path: string; method: string; headers?: Record<string, string> }[] = [
      { path: '/items/0/abc', method: 'GET' },
      { path: '/items/1/xyz', method: 'POST' },
      { path: '/items/2/q', method: 'GET', headers: { 'x-role': 'admin' } },
      { path: '/items/3/q', method: 'POST', headers: { 'x-role': 'admin' } },
      { path: '/nothing/here', method: 'GET' },
    ];
    for (const r of requests) {
      const init: RequestInit = { method: r.method, ...(r.headers ? { headers: r.headers } : {}) };
      const [mine, theirs] = await Promise.all([
        fetch(`${local}${r.path}`, init),
        fetch(`${d.url.replace(/\/$/, '')}${r.path}`, init),
      ]);
      const [mb, tb] = await Promise.all([mine.text(), theirs.text()]);
      expect({ path: r.path, status: theirs.status, x: theirs.headers.get('x-n') }).toEqual({
        path: r.path,
        status: mine.status,
        x: mine.headers.get('x-n'),
      });
      if (mine.status < 400) expect(tb).toBe(mb);
    }
  });

  it('redeploying reuses the deployment; list, get, stop/start, logs, metrics, delete', async () => {
    const p = core.catalog.projects.list().find((x) => x.name === 'Deploy Me')!;
    const again = await cloud.deploy(p.id, { pollMs: 50 });
    const list = await cloud.listDeployments();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: again.id, projectId: p.id });
    expect(await cloud.listDeployments({ projectId: p.id })).toHaveLength(1);

    const stopped = await cloud.setDeploymentStatus(again.id, 'stopped');
    expect(stopped.status).toBe('stopped');
    const restarted = await cloud.deploy(p.id, { pollMs: 50 });
    expect(restarted).toMatchObject({ id: again.id, status: 'active' });

    const logs = await cloud.deploymentLogs(again.id);
    expect(logs.length).toBeGreaterThan(0);
    const infos = await cloud.deploymentLogs(again.id, { level: 'info' });
    expect(infos.every((l) => l.level === 'info')).toBe(true);
    const metrics = await cloud.deploymentMetrics(again.id);
    expect(metrics.requestsTotal).toBeGreaterThanOrEqual(5);
    expect(metrics.statusCodes).toBeTypeOf('object');

    expect(await cloud.deleteDeployment(again.id)).toEqual({ deleted: true });
    await expect(cloud.getDeployment(again.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("deploys templates: response_template_expand when a response is templated, the hosted URL renders {{urlParam 'id'}}", async () => {
    const p = core.catalog.projects.create({ name: 'Templated deploy' });
    const m = core.catalog.mocks.create(p.id, { name: 'User', method: 'GET', path: '/users/{id}' });
    const r = core.catalog.responses.create(m.id, {
      name: 'OK',
      isDefault: true,
      headers: { 'x-user': "{{urlParam 'id'}}" },
      body: `{"id": "{{urlParam 'id'}}", "upper": "{{uppercase (urlParam 'id')}}"}`,
      disableTemplating: true,
    });

    // Templating off: the deployment does not expand, the hosted mock answers the body as stored.
    const stored = await cloud.deploy(p.id, { pollMs: 50, timeoutMs: 20_000 });
    const configOf = (id: string) => server.inspect.deployments().find((d) => d.id === id)?.config_json;
    expect(configOf(stored.id)).toEqual({ cors_enabled: true, response_template_expand: false });
    const asStored = await fetch(`${stored.url}/users/ab7`);
    expect(await asStored.text()).toBe(`{"id": "{{urlParam 'id'}}", "upper": "{{uppercase (urlParam 'id')}}"}`);

    // Templating on: the redeploy replaces the deployment (its config cannot change), same URL, rendered.
    core.catalog.responses.update(m.id, r.id, { disableTemplating: false });
    const rendered = await cloud.deploy(p.id, { pollMs: 50, timeoutMs: 20_000 });
    expect(rendered.url).toBe(stored.url);
    expect(configOf(rendered.id)).toEqual({ cors_enabled: true, response_template_expand: true });
    expect(await cloud.listDeployments({ projectId: p.id })).toHaveLength(1);
    const [local, hosted] = await Promise.all([
      fetch(`${core.server.projectUrl(p.slug)!}/users/ab7`),
      fetch(`${rendered.url}/users/ab7`),
    ]);
    expect(hosted.status).toBe(200);
    expect(hosted.headers.get('x-user')).toBe('ab7');
    const body = await hosted.text();
    expect(JSON.parse(body)).toEqual({ id: 'ab7', upper: 'AB7' });
    expect(body).toBe(await local.text());

    // Unchanged, a redeploy keeps the deployment.
    const again = await cloud.deploy(p.id, { pollMs: 50, timeoutMs: 20_000 });
    expect(again.id).toBe(rendered.id);
    await cloud.deleteDeployment(again.id);
  });

  it('a plan without hosted mocks says which limit and what to do', async () => {
    const free = await startServer({ plan: 'free' });
    const c = new Cloud({
      catalog: core.catalog,
      secrets: new MemorySecretStore(),
      secretsMode: { kind: 'memory', reason: 'test' },
    });
    c.settings.setBaseUrl(free.url);
    await c.session.register(newUser());
    const p = core.catalog.projects.create({ name: 'Free deploy' });
    const err = await c.deploy(p.id, { pollMs: 50 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CLOUD_ERROR', hint: expect.stringMatching(/Upgrade/) });
    c.settings.setBaseUrl(server.url);
    await free.close();
  });
});
