// @vitest-environment jsdom
import { createServer, type AddressInfo } from 'node:net';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, MockDeckApi } from '../../../shared/ipc/contract';
import { isLoopbackHost } from '../../../shared/ipc/loopback';
import { openApp, type App } from '../../../main/core/app';
import { setApiForTests } from '../../../renderer/src/app/api';
import { queryClient } from '../../../renderer/src/app/query-client';
import { ServerPanel } from '../../../renderer/src/features/server/ServerPanel';

let app: App;
const calls: { name: string; input: unknown }[] = [];

beforeAll(async () => {
  app = await openApp({ dataDir: null, port: 0, cloud: { secrets: 'session-only' } });
});
afterAll(async () => {
  await app.close();
});
beforeEach(() => {
  calls.length = 0;
  queryClient.clear();
  // The panel talks to the real handler table, as it does over Electron IPC.
  const dispatcher = app.router.forTransport('electron');
  const api: MockDeckApi = {
    invoke: async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
      calls.push({ name, input });
      const r = await dispatcher.dispatch(name, input);
      if (!r.ok) throw r.error;
      return r.value as CallOutput<K>;
    },
    on: () => () => undefined,
  };
  setApiForTests(api);
});
afterEach(async () => {
  cleanup();
  setApiForTests(null);
  await app.server.stop();
});

/** A port free right now: the panel's port field needs a real one (the app was opened on 0). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function renderPanel(): Promise<number> {
  render(<ServerPanel />);
  await flush();
  const port = await freePort();
  fireEvent.change(screen.getByLabelText('Server port'), { target: { value: String(port) } });
  return port;
}

const flush = () => act(async () => await new Promise((r) => setTimeout(r, 20)));
const starts = () => calls.filter((c) => c.name === 'server.start').map((c) => c.input);

describe('server.start and the network', () => {
  it('refuses a non-loopback host without the confirmation flag, naming the field and the fix', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.com', '127.0.0.1.nip.io']) {
      const r = await app.router.dispatch('server.start', { host });
      expect(r.ok, host).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'host' });
        expect(r.error.hint).toMatch(/127\.0\.0\.1|exposeOnNetwork/);
      }
    }
    expect(app.server.state().running).toBe(false);
  });

  it('starts on loopback freely and on the network with exposeOnNetwork: true', async () => {
    const local = await app.router.dispatch('server.start', { host: '127.0.0.1' });
    expect(local).toMatchObject({ ok: true, value: { running: true, host: '127.0.0.1' } });
    const exposed = await app.router.dispatch('server.start', { host: '0.0.0.0', exposeOnNetwork: true });
    expect(exposed).toMatchObject({ ok: true, value: { running: true, host: '0.0.0.0' } });
    // Back to loopback needs no confirmation (and leaves the app as the panel tests expect it).
    const back = await app.router.dispatch('server.start', { host: 'localhost' });
    expect(back).toMatchObject({ ok: true, value: { running: true, host: 'localhost' } });
  });

  it('isLoopbackHost knows the loopback spellings and nothing else', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of ['0.0.0.0', '::', '', '127.0.0.256', '127.0.0.1.evil.example', '10.0.0.1', 'localhost.evil']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});

describe('ServerPanel', () => {
  it('starts on this computer only without asking', async () => {
    const port = await renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Start server' }));
    await expect.poll(() => starts()).toEqual([{ port, host: '127.0.0.1' }]);
    await expect.poll(() => app.server.state()).toMatchObject({ running: true, host: '127.0.0.1' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before exposing the server on the network, and sends nothing if the user cancels', async () => {
    const port = await renderPanel();
    fireEvent.change(screen.getByLabelText('Listen on'), { target: { value: '0.0.0.0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start server' }));
    expect(screen.getByRole('dialog', { name: 'Expose the mock server on the network?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await flush();
    expect(starts()).toEqual([]);
    expect(app.server.state().running).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Start server' }));
    fireEvent.click(screen.getByRole('button', { name: 'Expose on the network' }));
    await expect.poll(() => starts()).toEqual([{ port, host: '0.0.0.0', exposeOnNetwork: true }]);
    await expect.poll(() => app.server.state()).toMatchObject({ running: true, host: '0.0.0.0' });
    await expect.poll(() => screen.getByTestId('server-state').textContent).toBe('Running');
  });
});
