import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Cloud } from '../../../main/core/cloud/cloud';
import { Core } from '../../../main/core/core';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { startWebBridge, type WebBridge } from '../../../main/ipc/web-bridge';
import { ApiError } from '../../../renderer/src/platform/api-error';
import { createWebBridgeClient, type WebBridgeClient } from '../../../renderer/src/platform/web-bridge-client';
import type { CloudServerHandle } from '../../cloud-server/index';
import { localSnapshot, newUser, openLocal, remoteProjects, remoteSnapshot, seedProject, startServer } from './harness';

const MOCKS = 12;
/** Everything a full push of one seeded project creates remotely. */
const FULL_PUSH = { project: 1, mock: MOCKS, response: 2 * MOCKS };

const remoteCounts = (server: CloudServerHandle) => {
  const projects = remoteProjects(server);
  const mocks = projects.flatMap((p) => server.inspect.mocks(p.project_id) as { mock_id: string }[]);
  const responses = mocks.flatMap((m) => server.inspect.responses(m.mock_id));
  return { project: projects.length, mock: mocks.length, response: responses.length };
};

/**
 * After a cancelled sync, a second one must finish the job: every remote item exactly once
 * (nothing half-written locally, no link lost, no duplicate) and the content equal.
 */
async function expectResumes(
  server: CloudServerHandle,
  cloud: Cloud,
  catalog: Core['catalog'],
  projectId: string,
): Promise<void> {
  const before = remoteCounts(server);
  expect(before.mock + before.response).toBeLessThan(FULL_PUSH.mock + FULL_PUSH.response);
  const second = await cloud.sync.run();
  expect(second.pushed.mock + before.mock).toBe(FULL_PUSH.mock);
  expect(second.pushed.response + before.response).toBe(FULL_PUSH.response);
  expect(remoteCounts(server)).toEqual(FULL_PUSH);
  expect(remoteSnapshot(server, remoteProjects(server)[0]!.project_id)).toEqual(localSnapshot(catalog, projectId));
  expect(cloud.sync.status()).toMatchObject({ pendingChanges: 0, lastError: null });
}

describe('cancelling a sync directly (AbortSignal)', () => {
  let server: CloudServerHandle;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('stops between requests with CANCELLED, keeps what finished, and the next sync completes it', async () => {
    const local = openLocal(server.url);
    try {
      await local.cloud.session.register(newUser());
      const p = seedProject(local.catalog, 'Cancel API', MOCKS);
      const content = localSnapshot(local.catalog, p.id);
      const controller = new AbortController();
      let steps = 0;
      const phases: string[] = [];
      local.cloud.on('sync.progress', (e) => {
        phases.push(e.phase);
        // Cancel right after the fifth item is written: deterministic, no timers.
        if (e.phase === 'step' && ++steps === 5) controller.abort();
      });

      const err = await local.cloud.sync.run({ signal: controller.signal }).catch((e: unknown) => e);

      expect(err).toMatchObject({ code: 'CANCELLED', message: 'the sync was cancelled' });
      expect(phases.at(-1)).toBe('failed');
      expect(local.cloud.sync.status()).toMatchObject({ running: false, lastError: 'the sync was cancelled' });
      // A push never rewrites local content, cancelled or not.
      expect(localSnapshot(local.catalog, p.id)).toEqual(content);
      await expectResumes(server, local.cloud, local.catalog, p.id);
    } finally {
      local.close();
    }
  });

  it('refuses to start when the signal is already aborted', async () => {
    const local = openLocal(server.url);
    try {
      await local.cloud.session.register(newUser());
      seedProject(local.catalog, 'Never Synced', 1);
      const before = remoteProjects(server).length;
      await expect(local.cloud.sync.run({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(remoteProjects(server)).toHaveLength(before);
    } finally {
      local.close();
    }
  });
});

describe('cancelling long calls over the web bridge', () => {
  let server: CloudServerHandle;
  let dir: string;
  let core: Core;
  let cloud: Cloud;
  let bridge: WebBridge;
  let client: WebBridgeClient;
  /** When set, the next matching request calls it and then waits until its own signal aborts. */
  let gate: { match: (url: URL, init: RequestInit | undefined) => boolean; onReached: () => void } | null = null;

  // The cloud's fetch, with a gate: a request held open until the server side cancels it.
  // The test then does not depend on how fast the cancel message travels.
  const gatedFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const g = gate;
    if (!g || !g.match(url, init)) return fetch(input, init);
    gate = null;
    g.onReached();
    return new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return reject(new Error('the gated request carries no signal'));
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };

  beforeAll(async () => {
    server = await startServer({ deployReadyAfterMs: 600_000 });
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-cancel-'));
    core = Core.open({ dataDir: dir, port: 0, cloudProvider: () => Promise.resolve(cloud) });
    cloud = new Cloud({
      catalog: core.catalog,
      secrets: new MemorySecretStore(),
      secretsMode: { kind: 'memory', reason: 'test' },
      retry: { baseDelayMs: 10 },
      fetch: gatedFetch,
    });
    cloud.settings.setBaseUrl(server.url);
    await cloud.session.register(newUser());
    bridge = await startWebBridge({
      dispatcher: core.router.forTransport('web-bridge'),
      logger: { error() {}, warn() {} },
    });
    client = createWebBridgeClient({
      url: bridge.url,
      token: bridge.token,
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    });
  });
  afterAll(async () => {
    client.close();
    await bridge.close();
    await cloud.close();
    await core.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sync.run: the page aborts mid-way, main stops the sync with CANCELLED, the next run completes it', async () => {
    const p = seedProject(core.catalog, 'Bridge Cancel', MOCKS);
    const controller = new AbortController();
    let lists = 0;
    // The third listing of responses (GET …/mocks/:id/responses) is held until cancelled.
    gate = {
      match: (url, init) => (init?.method ?? 'GET') === 'GET' && /\/responses$/.test(url.pathname) && ++lists === 3,
      onReached: () => controller.abort(),
    };

    const err = await client.invoke('sync.run', {}, { signal: controller.signal }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'CANCELLED', message: 'the sync was cancelled' });
    expect(gate).toBeNull();
    expect(await client.invoke('sync.status', undefined)).toMatchObject({
      running: false,
      lastError: 'the sync was cancelled',
    });
    await expectResumes(server, cloud, core.catalog, p.id);
  });

  it('deployments.deploy: cancelled while waiting for the deployment to come up', async () => {
    const p = seedProject(core.catalog, 'Deploy Cancel', 1);
    const controller = new AbortController();
    // The deployment never gets healthy on this server; the first status poll is held until cancelled.
    gate = {
      match: (url, init) => (init?.method ?? 'GET') === 'GET' && /\/deployments\/[^/]+$/.test(url.pathname),
      onReached: () => controller.abort(),
    };

    const err = await client
      .invoke('deployments.deploy', { projectId: p.id }, { signal: controller.signal })
      .catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 'CANCELLED', message: 'the deploy was cancelled' });
    expect(gate).toBeNull();
    // The deployment was created before the cancel, and is listed as still coming up.
    const list = await client.invoke('deployments.list', { projectId: p.id });
    expect(list).toHaveLength(1);
  });

  it('a call cancelled before it is sent never reaches main', async () => {
    const before = (await client.invoke('projects.list', undefined)).length;
    await expect(
      client.invoke('projects.create', { name: 'Never' }, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await client.invoke('projects.list', undefined)).toHaveLength(before);
  });

  it('a quick call that finished before its cancel arrived keeps its result', async () => {
    const controller = new AbortController();
    const created = await client.invoke('projects.create', { name: 'Quick' }, { signal: controller.signal });
    controller.abort();
    expect(created).toMatchObject({ name: 'Quick' });
  });
});
