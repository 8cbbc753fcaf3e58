import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { serveBrowserUi } from '../../../main/browser/browser-ui';
import { openApp } from '../../../main/core/app';
import { createWebBridgeClient } from '../../../renderer/src/platform/web-bridge-client';
import { freePort } from '../../harness/web-app';

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Resolves 'refused' when nothing listens on the port any more, 'open' when something does. */
function probe(port: number): Promise<'open' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve('open')));
    socket.once('error', () => resolve('refused'));
  });
}

/** Active handles and requests by type, e.g. { TCPServerWrap: 2, Timeout: 1 }. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

/**
 * The active resources once sockets closed by the peer have been noticed. Polls with
 * setImmediate, not a timer, so that polling adds no Timeout of its own to the count.
 */
async function settledResources(expected: Record<string, number>): Promise<Record<string, number>> {
  const deadline = Date.now() + 10_000;
  let now = resources();
  while (JSON.stringify(now) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setImmediate(r));
    now = resources();
  }
  return now;
}

describe('openApp().close()', () => {
  it('leaves no listening server, timer, worker thread or database handle behind', async () => {
    const rendererDir = tempDir('mockdeck-renderer-');
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>close test</title>');
    const before = resources();

    let oauthUrl: string | null = null;
    const app = await openApp({
      dataDir: tempDir('mockdeck-close-'),
      port: 0,
      logFlushMs: 20,
      logger: { error: () => {}, warn: () => {} },
      // A sign-in that never completes: its loopback listener and 5-minute timer stay open until close().
      cloud: { secrets: 'session-only', openExternal: (url) => ((oauthUrl = url), new Promise<void>(() => {})) },
    });
    const main = await app.server.start();
    const ui = await serveBrowserUi(app, { rendererDir });
    const projectPort = await freePort();
    const project = app.catalog.projects.create({ name: 'Close', port: projectPort });
    const mock = app.catalog.mocks.create(project.id, { name: 'Ping', method: 'GET', path: '/ping' });
    app.catalog.responses.create(mock.id, { name: 'OK', body: 'pong', isDefault: true });

    // Request logs go to the writer thread once one arrives.
    expect(await (await fetch(`${main.url}/m/close/ping`)).text()).toBe('pong');
    await vi.waitFor(() => expect(app.server.logWriterMode()).toBe('worker'), { timeout: 20_000 });
    const writerThread = app.server.logWriterThread();

    const client = createWebBridgeClient({ url: ui.bridgeUrl, token: ui.token });
    expect(await client.invoke('app.info', undefined)).toMatchObject({ transport: 'web-bridge' });
    const signIn = (await app.cloud()).loginOAuth('github').catch((e: unknown) => e);
    await vi.waitFor(() => expect(oauthUrl).not.toBeNull());
    const oauthPort = Number(new URL(new URL(oauthUrl!).searchParams.get('redirect_uri')!).port);

    const ports = {
      mocks: Number(new URL(main.url!).port),
      project: projectPort,
      bridge: new URL(ui.bridgeUrl).port ? Number(new URL(ui.bridgeUrl).port) : 0,
      page: Number(new URL(ui.appUrl).port),
      oauth: oauthPort,
    };
    for (const port of Object.values(ports)) expect(await probe(port)).toBe('open');
    expect(app.lifecycle.names()).toEqual([
      'core',
      'event hub',
      'cloud',
      'pipeline worker',
      'web bridge',
      'renderer web server',
    ]);
    if (writerThread !== null) expect(existsSync(`/proc/self/task/${writerThread}`)).toBe(true);

    await app.close();
    client.close();

    // Every listener is gone: the mock server, the project's port, the bridge, the page, the sign-in.
    for (const [name, port] of Object.entries(ports))
      expect({ name, state: await probe(port) }).toEqual({ name, state: 'refused' });
    expect(await signIn).toMatchObject({ code: 'CLOUD_ERROR', message: expect.stringContaining('shutting down') });
    expect(app.store.db.open).toBe(false);
    expect(app.store.logsDb.open).toBe(false);
    // The log writer's thread has exited (Linux names each thread under /proc/self/task).
    if (writerThread !== null) expect(existsSync(`/proc/self/task/${writerThread}`)).toBe(false);
    expect(app.lifecycle.names()).toEqual([]);
    // Nothing the app opened keeps the process alive: the same handles as before it opened.
    expect(await settledResources(before)).toEqual(before);

    await expect(app.cloud()).rejects.toMatchObject({ message: 'MockDeck is shutting down.' });
    await expect(app.close()).resolves.toBeUndefined();
  });
});
