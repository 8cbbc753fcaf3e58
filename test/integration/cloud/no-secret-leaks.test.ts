import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallName } from '../../../shared/ipc/contract';
import type { NewTokenView } from '../../../shared/ipc/cloud';
import { openApp, type App } from '../../../main/core/app';
import type { Router } from '../../../main/core/handlers';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { exportProject, serializeProjectFile } from '../../../main/core/transfer';
import { systemClock } from '../../../main/core/util/clock';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, seedProject, startServer } from './harness';

/**
 * The full flow through the IPC router (sign-in, token, sync, deploy, export), then a search
 * for every secret value in the SQLite files, captured output, exported files and IPC results.
 */
describe('no secret reaches disk, logs, exports or IPC results', () => {
  let server: CloudServerHandle;
  let core: App;
  let router: Router;
  let dir: string;
  const secrets = new MemorySecretStore();
  const captured: string[] = [];
  const results: { name: CallName; value: unknown }[] = [];
  const events: unknown[] = [];

  const call = async (name: CallName, input?: unknown): Promise<unknown> => {
    const r = await router.dispatch(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    results.push({ name, value: r.value });
    return r.value;
  };

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-leaks-'));
    core = await openApp({
      dataDir: dir,
      port: 0,
      version: 'test',
      cloud: { secrets: { store: secrets, mode: { kind: 'memory', reason: 'test' } }, retry: { baseDelayMs: 10 } },
    });
    await core.server.start({ port: 0 });
    // Every event the app pushes to a renderer, the cloud's included.
    core.events.subscribe((name, payload) => events.push({ name, payload }));
    router = core.router;
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void captured.push(a.map(String).join(' ')));
    }
    // Capture (and swallow) anything written to the process streams during the flow.
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk: string | Uint8Array) => (captured.push(String(chunk)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk: string | Uint8Array) => (captured.push(String(chunk)), true),
    );
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await core.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the flow and finds no secret anywhere it must not be', async () => {
    const user = newUser();
    await call('cloud.setBaseUrl', { url: server.url });
    expect(await call('secrets.mode')).toEqual({ kind: 'memory', reason: 'test' });
    await call('auth.register', user);
    await call('auth.logout');
    await call('auth.login', { email: user.email, password: user.password });
    const jwt = await secrets.get(`cloud-jwt@${server.url}`);
    expect(jwt).toMatch(/^eyJ/);

    const created = (await call('tokens.create', { name: 'CI' })) as NewTokenView;
    expect(created.token).toMatch(/^mfx_/);
    const rotated = (await call('tokens.rotate', { id: created.id })) as NewTokenView;
    await call('tokens.list');
    await call('orgs.list');
    await call('account.get');

    const p = seedProject(core.catalog, 'Leak check', 3);
    await call('sync.run');
    await call('sync.status');
    await call('sync.conflicts');
    const dep = (await call('deployments.deploy', { projectId: p.id })) as { id: string; url: string };
    await fetch(`${dep.url.replace(/\/$/, '')}/items/0/x`, { headers: { authorization: `Bearer ${jwt}` } });
    await fetch(`${core.server.projectUrl(p.slug)}/items/0/x`);
    await call('deployments.list');
    await call('deployments.logs', { id: dep.id });
    await call('deployments.metrics', { id: dep.id });
    await call('cloud.status');
    // A failing call: its error must not echo the credential either.
    const bad = await router.dispatch('tokens.delete', { id: 'no-such-token' });
    expect(bad.ok).toBe(false);
    results.push({ name: 'tokens.delete', value: bad });

    const exportFile = path.join(dir, 'export.json');
    writeFileSync(exportFile, serializeProjectFile(exportProject(core.store, p.slug, systemClock)));
    core.server.flushLogs();

    const values = { password: user.password, jwt: jwt!, token: created.token, rotated: rotated.token };
    const files = ['catalog.db', 'catalog.db-wal', 'logs.db', 'logs.db-wal', 'export.json']
      .map((f) => path.join(dir, f))
      .filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const text = readFileSync(f).toString('latin1');
      for (const [what, v] of Object.entries(values))
        expect(text.includes(v), `${what} in ${path.basename(f)}`).toBe(false);
    }
    const logText = captured.join('\n');
    for (const [what, v] of Object.entries(values))
      expect(logText.includes(v), `${what} in captured output`).toBe(false);
    expect(JSON.stringify(events)).not.toContain(jwt!);

    for (const r of results) {
      const text = JSON.stringify(r.value);
      expect(text.includes(values.password), `password in ${r.name}`).toBe(false);
      expect(text.includes(values.jwt), `jwt in ${r.name}`).toBe(false);
      // A new token crosses exactly once: in the result of the call that made it.
      if (r.name !== 'tokens.create') expect(text.includes(values.token), `token in ${r.name}`).toBe(false);
      if (r.name !== 'tokens.rotate') expect(text.includes(values.rotated), `rotated token in ${r.name}`).toBe(false);
    }

    await call('auth.logout');
    expect(secrets.size()).toBe(0);
    expect(events.some((e) => (e as { name: string }).name === 'sync.progress')).toBe(true);
    expect(events.some((e) => (e as { name: string }).name === 'cloud.authChanged')).toBe(true);
  });

  it('validates IPC inputs with the contract schemas', async () => {
    const r = await router.dispatch('auth.login', { email: 'not-an-email', password: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'email' } });
    const s = await router.dispatch('sync.resolve', { id: 'x', choice: 'whatever' });
    expect(s).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'choice' } });
    const u = await router.dispatch('sync.resolve', { id: 'nope', choice: 'mine' });
    expect(u).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
