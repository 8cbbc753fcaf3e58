import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANCEL_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/ipc/bridge-protocol';
import type { Result } from '../../../shared/ipc/result';
import { EventHub } from '../../../main/core/events/event-hub';
import { createAppRouter, createRouter } from '../../../main/core/handlers';
import {
  attachElectronTransport,
  REFUSED,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../main/ipc/electron-transport';
import type { FrameLike, InvokeEventLike } from '../../../main/ipc/sender-guard';
import { createAppUrlPolicy } from '../../../main/window/app-url';
import { fakeCore } from './fake-server';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** ipcMain as far as the transport uses it: one handler per channel, like the real one. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(event: InvokeEventLike, ...args: unknown[]): Promise<Result<unknown>> {
    return (await this.on(INVOKE_CHANNEL, event, ...args)) as Result<unknown>;
  }
  async on(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  }
}

class FakeContents implements WebContentsLike {
  readonly sent: unknown[][] = [];
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

const indexFile = path.resolve('/app/out/renderer/index.html');
const appUrl = `${pathToFileURL(indexFile).href}#/projects`;
const policy = createAppUrlPolicy({ indexFile });
const top = (url: string): FrameLike => ({ url, parent: null });
const sub = (url: string): FrameLike => ({ url, parent: top(appUrl) });

describe('Electron transport', () => {
  let core: ReturnType<typeof fakeCore>;
  let ipc: FakeIpcMain;
  let contents: FakeContents | null;
  let hub: EventHub;
  let detach: () => void;
  const logger = { error: vi.fn(), warn: vi.fn() };

  beforeEach(() => {
    core = fakeCore();
    ipc = new FakeIpcMain();
    contents = new FakeContents(7);
    hub = new EventHub(core, { logger });
    logger.warn.mockClear();
    const router = createAppRouter({ core, app: { version: '1', dataDir: null, platform: 'test' } });
    detach = attachElectronTransport({
      ipcMain: ipc,
      dispatcher: router.forTransport('electron'),
      events: hub,
      appWebContents: () => contents,
      isAppUrl: policy.isAppUrl,
      logger,
    }).detach;
  });
  afterEach(() => {
    detach();
    hub.close();
    core.close();
  });

  const projectCount = () => core.catalog.projects.list().length;

  it('dispatches a call from the top frame of the app window', async () => {
    const res = await ipc.invoke({ sender: { id: 7 }, senderFrame: top(appUrl) }, 'projects.create', { name: 'Desk' });
    expect(res).toMatchObject({ ok: true, value: { name: 'Desk' } });
    expect(await ipc.invoke({ sender: { id: 7 }, senderFrame: top(appUrl) }, 'app.info', undefined)).toMatchObject({
      ok: true,
      value: { transport: 'electron' },
    });
  });

  it.each([
    ['another webContents', { sender: { id: 8 }, senderFrame: top(appUrl) }],
    ['a subframe of the app window', { sender: { id: 7 }, senderFrame: sub(appUrl) }],
    ['a subframe showing a foreign page', { sender: { id: 7 }, senderFrame: sub('https://evil.example/') }],
    [
      'a foreign origin in the top frame',
      { sender: { id: 7 }, senderFrame: top('https://evil.example/?next=file:///app/out/renderer/index.html') },
    ],
    ['another local file', { sender: { id: 7 }, senderFrame: top(pathToFileURL('/tmp/evil.html').href) }],
    ['a frame that is gone', { sender: { id: 7 }, senderFrame: null }],
  ] satisfies [string, InvokeEventLike][])('refuses %s without dispatching, and logs it', async (_what, event) => {
    const res = await ipc.invoke(event, 'projects.create', { name: 'Nope' });
    expect(res).toEqual(REFUSED);
    expect(projectCount()).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('refuses every call while the window is closed or destroyed', async () => {
    contents!.destroyed = true;
    expect(await ipc.invoke({ sender: { id: 7 }, senderFrame: top(appUrl) }, 'projects.list', undefined)).toEqual(
      REFUSED,
    );
    contents = null;
    expect(await ipc.invoke({ sender: { id: 7 }, senderFrame: top(appUrl) }, 'projects.list', undefined)).toEqual(
      REFUSED,
    );
  });

  it('validates input like every transport', async () => {
    const res = await ipc.invoke({ sender: { id: 7 }, senderFrame: top(appUrl) }, 'projects.create', { name: 42 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'name' } });
  });

  it('forwards events to the app window on the event channel, and stops after detach', () => {
    core.catalog.projects.create({ name: 'Evented' });
    expect(contents!.sent).toEqual([[EVENT_CHANNEL, 'catalog.changed', expect.objectContaining({ kind: 'project' })]]);
    contents!.destroyed = true;
    core.catalog.projects.create({ name: 'Not sent' });
    expect(contents!.sent).toHaveLength(1);
    contents!.destroyed = false;
    detach();
    core.catalog.projects.create({ name: 'After detach' });
    expect(contents!.sent).toHaveLength(1);
    expect(ipc.handlers.has(INVOKE_CHANNEL)).toBe(false);
  });
});

describe('Electron transport: cancelling a call', () => {
  it('aborts the call the same window started with that id, and only that one', async () => {
    const core = fakeCore();
    const ipc = new FakeIpcMain();
    const contents = new FakeContents(7);
    // A long call that runs until its signal aborts.
    const router = createRouter({ core, app: { version: '1', dataDir: null, platform: 'test' } });
    router.handle(
      'sync.run',
      (_input, { signal }) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))),
    );
    const { detach } = attachElectronTransport({
      ipcMain: ipc,
      dispatcher: router.forTransport('electron'),
      appWebContents: () => contents,
      isAppUrl: policy.isAppUrl,
      logger: { error: vi.fn(), warn: vi.fn() },
    });
    const app = { sender: { id: 7 }, senderFrame: top(appUrl) };
    try {
      const running = ipc.invoke(app, 'sync.run', {}, 'c1');
      // Another window, a subframe, or an unknown id cancel nothing.
      expect(await ipc.on(CANCEL_CHANNEL, { sender: { id: 8 }, senderFrame: top(appUrl) }, 'c1')).toBe(false);
      expect(await ipc.on(CANCEL_CHANNEL, { sender: { id: 7 }, senderFrame: sub(appUrl) }, 'c1')).toBe(false);
      expect(await ipc.on(CANCEL_CHANNEL, app, 'c2')).toBe(false);
      expect(await ipc.on(CANCEL_CHANNEL, app, 'c1')).toBe(true);
      expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      // Done calls are forgotten: cancelling again finds nothing.
      expect(await ipc.on(CANCEL_CHANNEL, app, 'c1')).toBe(false);
    } finally {
      detach();
      await core.close();
    }
    expect(ipc.handlers.has(CANCEL_CHANNEL)).toBe(false);
  });
});
