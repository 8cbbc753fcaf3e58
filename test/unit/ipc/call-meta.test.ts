import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, TRANSPORTS, calls } from '../../../shared/ipc/contract';
import { Core } from '../../../main/core/core';
import { createAppRouter, type Router } from '../../../main/core/handlers';

let core: Core;
let router: Router;

beforeAll(() => {
  core = Core.open({ dataDir: null, port: 0 });
  router = createAppRouter({ core, app: { version: '1', dataDir: null, platform: 'test' } });
});
afterAll(async () => {
  await core.close();
});

describe('call metadata (what the MCP server will be generated from)', () => {
  it.each(CALL_NAMES)('%s has a one-sentence description, a mutates flag and its transports', (name) => {
    const { meta } = calls[name];
    expect(meta.description.trim().length).toBeGreaterThan(10);
    expect(meta.description).toMatch(/^[A-Z].*\.$/);
    expect(typeof meta.mutates).toBe('boolean');
    expect(meta.transports.length).toBeGreaterThan(0);
    for (const t of meta.transports) expect(TRANSPORTS).toContain(t);
    // In-process callers (tests, the app's own wiring) may make every call.
    expect(meta.transports).toContain('direct');
  });

  it('marks reads as reads: list/get/status-like calls do not mutate, create/delete-like ones do', () => {
    const reads = CALL_NAMES.filter((n) => /\.(list|get|status|mode|info|conflicts|logs|metrics|page)$/.test(n));
    const writes = CALL_NAMES.filter((n) =>
      /\.(create|update|delete|duplicate|run|deploy|clear|login|logout)$/.test(n),
    );
    expect(reads.length).toBeGreaterThan(10);
    expect(writes.length).toBeGreaterThan(10);
    for (const n of reads) expect(calls[n].meta.mutates, n).toBe(false);
    for (const n of writes) expect(calls[n].meta.mutates, n).toBe(true);
  });

  it('keeps credentials away from an assistant: no auth or token call is open to mcp', () => {
    for (const n of CALL_NAMES.filter((c) => c.startsWith('auth.') || c.startsWith('tokens.'))) {
      expect(calls[n].meta.transports, n).not.toContain('mcp');
    }
  });
});

describe('the router enforces the transports', () => {
  it('refuses a call from a transport it does not list, naming the ones it does', async () => {
    const r = await router.call('server.stop', undefined, 'rest');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'call "server.stop" cannot be made over rest',
        hint: 'it is available over: electron, web-bridge, direct, cli',
      },
    });
    const viaMcp = await router.call('auth.login', { email: 'a@example.com', password: 'x' }, { transport: 'mcp' });
    expect(viaMcp).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The server was never stopped, nor was a sign-in attempted: the check runs before the handler.
    expect(core.server.state().error).toBeNull();
  });

  it('holds a transport-bound dispatcher to its transport', async () => {
    const rest = router.forTransport('rest');
    expect(await rest.dispatch('requestLogs.clear', { projectId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // The same call over the UI's transport reaches the handler (which then finds no project).
    expect(await router.forTransport('web-bridge').dispatch('requestLogs.clear', { projectId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('lets each transport make the calls it lists', async () => {
    for (const name of CALL_NAMES) {
      for (const transport of TRANSPORTS) {
        if (!calls[name].meta.transports.includes(transport)) continue;
        // Invalid input on purpose: an allowed call fails validation, never FORBIDDEN.
        const r = await router.call(name, 42 as never, transport);
        expect(r.ok ? 'ok' : r.error.code, `${name} over ${transport}`).not.toBe('FORBIDDEN');
      }
    }
  });
});
