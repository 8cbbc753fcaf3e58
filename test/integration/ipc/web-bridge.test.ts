import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveBrowserUi } from '../../../main/browser/browser-ui';
import { openApp, type App } from '../../../main/core/app';
import type { EventHub } from '../../../main/core/events/event-hub';
import type { Router } from '../../../main/core/handlers';
import { bridgeQuery, isWebBridgeEnabled, startWebBridge, type WebBridge } from '../../../main/ipc/web-bridge';
import { ApiError } from '../../../renderer/src/platform/api-error';
import { createWebBridgeClient, readBridgeParams } from '../../../renderer/src/platform/web-bridge-client';

let core: App;
let hub: EventHub;
let router: Router;
let bridge: WebBridge;

beforeAll(async () => {
  core = await openApp({
    dataDir: null,
    port: 0,
    version: '1.0.0',
    events: { logIntervalMs: 20 },
    cloud: { secrets: 'session-only' },
  });
  hub = core.events;
  router = core.router;
  bridge = await startWebBridge({
    dispatcher: router.forTransport('web-bridge'),
    events: hub,
    logger: { error() {}, warn() {} },
  });
});
afterAll(async () => {
  await bridge.close();
  await core.close();
});

/** A raw client that records every message, so tests see exactly what travels. */
async function rawClient(token: string | null) {
  const url = token === null ? bridge.url : `${bridge.url}/?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(url);
  const messages: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(String(d)) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async (pred: (m: Record<string, unknown>) => boolean) => {
    for (;;) {
      const found = messages.find(pred);
      if (found) return found;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { ws, messages, closed, next };
}

describe('web bridge server', () => {
  it('listens on 127.0.0.1 only, with a long random token', () => {
    expect(bridge.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.token.length).toBeGreaterThanOrEqual(40);
  });

  it('closes connections without the token, or with a wrong one, with 4401', async () => {
    for (const token of [null, 'wrong-token-wrong-token', `${bridge.token}x`]) {
      const c = await rawClient(token);
      const { code, reason } = await c.closed;
      expect(code).toBe(4401);
      expect(reason).toMatch(/token/);
    }
    expect(bridge.clientCount()).toBe(0);
  });

  it('round-trips a call as {id, result}', async () => {
    const c = await rawClient(bridge.token);
    c.ws.send(JSON.stringify({ id: 'a1', name: 'projects.create', input: { name: 'Bridge API' } }));
    const reply = await c.next((m) => m.id === 'a1');
    expect(reply).toMatchObject({ id: 'a1', result: { ok: true, value: { name: 'Bridge API', slug: 'bridge-api' } } });
    c.ws.send(JSON.stringify({ id: 7, name: 'app.info' }));
    expect(await c.next((m) => m.id === 7)).toMatchObject({ result: { ok: true, value: { transport: 'web-bridge' } } });
    c.ws.send(JSON.stringify({ id: 'a2', name: 'projects.create', input: { name: '' } }));
    expect(await c.next((m) => m.id === 'a2')).toMatchObject({
      result: { ok: false, error: { code: 'VALIDATION_ERROR', field: 'name' } },
    });
    c.ws.close();
  });

  it('answers malformed messages with a VALIDATION_ERROR instead of dropping the socket', async () => {
    const c = await rawClient(bridge.token);
    c.ws.send('not json');
    c.ws.send(JSON.stringify({ id: 'b1', nom: 'projects.list' }));
    c.ws.send(JSON.stringify({ id: { evil: true }, name: 'projects.list' }));
    await c.next(() => c.messages.length >= 3);
    expect(c.messages.map((m) => m.id)).toEqual([null, 'b1', null]);
    for (const m of c.messages) expect(m).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION_ERROR' } } });
    c.ws.send(JSON.stringify({ id: 'b2', name: 'projects.list' }));
    expect(await c.next((m) => m.id === 'b2')).toMatchObject({ result: { ok: true } });
    c.ws.close();
  });

  it('pushes events to connected clients as {event, payload}', async () => {
    const c = await rawClient(bridge.token);
    const created = await router.dispatch('projects.create', { name: 'Evented' });
    const id = created.ok ? (created.value as { id: string }).id : '';
    expect(await c.next((m) => m.event === 'catalog.changed')).toEqual({
      event: 'catalog.changed',
      payload: { projectId: id, kind: 'project' },
    });
    const state = await core.server.start();
    await c.next((m) => m.event === 'server.stateChanged');
    await (await fetch(`${state.url}/m/evented/anything`)).arrayBuffer();
    const logs = await c.next((m) => m.event === 'requestLogs.appended');
    expect(logs.payload).toEqual([expect.objectContaining({ projectId: id, responseStatus: 404 })]);
    await core.server.stop();
    c.ws.close();
  });
});

describe('renderer web bridge client', () => {
  it('invokes with types, rejects with an ApiError carrying the shape, and receives events', async () => {
    const api = createWebBridgeClient({ url: bridge.url, token: bridge.token });
    try {
      const seen: string[] = [];
      const off = api.on('catalog.changed', (p) => seen.push(p.kind));
      const project = await api.invoke('projects.create', { name: 'Client API' });
      expect(project.slug).toBe('client-api');
      const err = await api.invoke('projects.get', { id: 'missing' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({
        code: 'NOT_FOUND',
        appError: { code: 'NOT_FOUND', message: expect.stringContaining('missing') },
      });
      await expect.poll(() => seen).toEqual(['project']);
      off();
      await api.invoke('projects.update', { id: project.id, patch: { name: 'Renamed' } });
      expect(seen).toEqual(['project']);
    } finally {
      api.close();
    }
  });

  it('fails fast with UNAUTHORIZED on a wrong token instead of retrying forever', async () => {
    const api = createWebBridgeClient({ url: bridge.url, token: 'definitely-not-the-token' });
    const err = await api.invoke('projects.list', undefined).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    api.close();
  });

  it('reconnects after the bridge restarts and sends calls made while offline', async () => {
    const first = await startWebBridge({
      dispatcher: router.forTransport('web-bridge'),
      logger: { error() {}, warn() {} },
    });
    const api = createWebBridgeClient({ url: first.url, token: first.token, reconnectMs: 20, maxReconnectMs: 50 });
    try {
      expect(await api.invoke('app.info', undefined)).toMatchObject({ transport: 'web-bridge' });
      await first.close();
      await expect.poll(() => api.connected).toBe(false);
      const pending = api.invoke('projects.list', undefined);
      const second = await startWebBridge({
        dispatcher: router.forTransport('web-bridge'),
        port: first.port,
        token: first.token,
      });
      try {
        expect(Array.isArray(await pending)).toBe(true);
      } finally {
        api.close();
        await second.close();
      }
    } finally {
      api.close();
    }
  });

  it('fails a call made while the bridge stays unreachable, instead of hanging', async () => {
    const gone = await startWebBridge({ dispatcher: router.forTransport('web-bridge') });
    await gone.close();
    const api = createWebBridgeClient({ url: gone.url, token: gone.token, reconnectMs: 20, offlineTimeoutMs: 200 });
    try {
      const err = await api.invoke('projects.list', undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'OFFLINE' });
    } finally {
      api.close();
    }
  });

  it('reads only loopback ws:// bridge URLs from the page query', () => {
    expect(readBridgeParams(`?${bridgeQuery(bridge)}`)).toEqual({ url: bridge.url, token: bridge.token });
    expect(readBridgeParams('?bridge=ws://evil.example:80&token=t')).toBeNull();
    expect(readBridgeParams('?bridge=wss://127.0.0.1:1&token=t')).toBeNull();
    expect(readBridgeParams('?bridge=ws://user:pw@127.0.0.1:1&token=t')).toBeNull();
    expect(readBridgeParams('?bridge=ws://127.0.0.1:1')).toBeNull();
    expect(readBridgeParams('?bridge=ws://127.0.0.1.evil.example:1&token=t')).toBeNull();
  });
});

describe('isWebBridgeEnabled', () => {
  it('is off in every Electron run, packaged or not, unless MOCKDECK_WEB_BRIDGE=1', () => {
    expect(isWebBridgeEnabled({ env: {} })).toBe(false);
    expect(isWebBridgeEnabled({ env: { MOCKDECK_WEB_BRIDGE: 'true' } })).toBe(false);
    expect(isWebBridgeEnabled({ env: { MOCKDECK_WEB_BRIDGE: '0' } })).toBe(false);
    expect(isWebBridgeEnabled({ env: { MOCKDECK_WEB_BRIDGE: '1' } })).toBe(true);
  });
});

/** Opens a socket with an Origin header; resolves with 'open' or the HTTP status of a refusal. */
function connectFrom(url: string, token: string, origin: string | undefined): Promise<'open' | number> {
  const ws = new WebSocket(`${url}/?token=${encodeURIComponent(token)}`, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (e) => {
      if (!String(e.message).includes('Unexpected server response')) reject(e);
    });
  });
}

describe('web bridge Origin check on the upgrade', () => {
  it('refuses pages of other origins with 403 even with the right token; allows its own and non-browser clients', async () => {
    const b = await startWebBridge({
      dispatcher: router.forTransport('web-bridge'),
      allowedOrigins: () => ['http://localhost:5173'],
      logger: { error() {}, warn() {} },
    });
    try {
      for (const evil of [
        'https://evil.example',
        'http://localhost:5174',
        'null',
        'file://',
        'http://127.0.0.1:5173',
      ]) {
        expect(await connectFrom(b.url, b.token, evil), evil).toBe(403);
      }
      expect(b.clientCount()).toBe(0);
      expect(await connectFrom(b.url, b.token, 'http://LOCALHOST:5173')).toBe('open');
      expect(await connectFrom(b.url, b.token, undefined)).toBe('open');
    } finally {
      await b.close();
    }
  });

  it('allows no browser origin at all when none is named (the default)', async () => {
    expect(await connectFrom(bridge.url, bridge.token, 'http://127.0.0.1:1234')).toBe(403);
  });

  it('the browser UI allows exactly the origin of the page it serves', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-ui-'));
    try {
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>MockDeck</title>');
      const ui = await serveBrowserUi(core, { rendererDir: dir });
      const page = new URL(ui.appUrl).origin;
      expect(await connectFrom(ui.bridgeUrl, ui.token, page)).toBe('open');
      expect(await connectFrom(ui.bridgeUrl, ui.token, 'https://attacker.example')).toBe(403);
      const otherPort = `http://127.0.0.1:${Number(new URL(page).port) + 1}`;
      expect(await connectFrom(ui.bridgeUrl, ui.token, otherPort)).toBe(403);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
