import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CANCEL_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL, type PreloadBridge } from '../../../shared/ipc/bridge-protocol';

/** Electron's preload modules, faked: what the preload exposes and what it sends. */
const exposed = new Map<string, unknown>();
const invokes: unknown[][] = [];
let channelListener: ((event: unknown, ...args: unknown[]) => void) | null = null;
let channelListenerCount = 0;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invokes.push(args);
      return { ok: true, value: 'from main' };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (channel === EVENT_CHANNEL) {
        channelListener = listener;
        channelListenerCount++;
      }
    },
    removeListener: () => {},
  },
}));

let api: PreloadBridge;
beforeAll(async () => {
  await import('../../../preload/index');
  api = exposed.get('mockdeck') as PreloadBridge;
});

describe('preload', () => {
  it('exposes only `mockdeck` with invoke, cancel and on', () => {
    expect([...exposed.keys()]).toEqual(['mockdeck']);
    expect(Object.keys(api).sort()).toEqual(['cancel', 'invoke', 'on']);
  });

  it('sends a call id with the call when the page gives one, and cancels by that id only', async () => {
    await api.invoke('sync.run', {}, { callId: 'c1' });
    expect(invokes.at(-1)).toEqual([INVOKE_CHANNEL, 'sync.run', {}, 'c1']);
    api.cancel('c1');
    expect(invokes.at(-1)).toEqual([CANCEL_CHANNEL, 'c1']);
    const before = invokes.length;
    for (const junk of ['', 'x'.repeat(101), 42, { toString: () => 'c1' }]) api.cancel(junk as string);
    expect(invokes).toHaveLength(before);
    // A junk call id is left off the call rather than passed on.
    await api.invoke('sync.run', {}, { callId: 7 as unknown as string });
    expect(invokes.at(-1)).toEqual([INVOKE_CHANNEL, 'sync.run', {}]);
  });

  it('passes known calls to the one invoke channel', async () => {
    expect(await api.invoke('projects.list', { search: 'x' })).toEqual({ ok: true, value: 'from main' });
    expect(invokes.at(-1)).toEqual([INVOKE_CHANNEL, 'projects.list', { search: 'x' }]);
  });

  it('keeps unknown calls off the channel', async () => {
    const before = invokes.length;
    for (const name of ['shell.openExternal', 'toString', '__proto__']) {
      expect(await api.invoke(name, {})).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_ERROR', field: 'name' },
      });
    }
    expect(invokes).toHaveLength(before);
  });

  it('delivers only the payload of the subscribed event, never the Electron event object', () => {
    const got: unknown[][] = [];
    const off = api.on('catalog.changed', (...args: unknown[]) => got.push(args));
    const electronEvent = { sender: { send: () => 'ipcRenderer!' } };
    channelListener!(electronEvent, 'catalog.changed', { projectId: 'p', kind: 'mock' });
    channelListener!(electronEvent, 'server.stateChanged', { running: true });
    expect(got).toEqual([[{ projectId: 'p', kind: 'mock' }]]);
    off();
    channelListener!(electronEvent, 'catalog.changed', { projectId: 'p', kind: 'mock' });
    expect(got).toHaveLength(1);
    expect(channelListenerCount).toBe(1); // one channel listener, however many subscriptions
  });

  it('refuses to subscribe to unknown events', () => {
    expect(() => api.on('ipc.anything', () => {})).toThrow(/unknown event/);
  });
});
