import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { BAD_OUTPUT, GRAB, LOOP, pluginWith, stampPlugin, TRAP, wat } from '../../fixtures/plugins/wat';
import { removeTempDirs, tempDir } from '../cli/cli-harness';

let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function setup(dataDir: string | null = null) {
  app = await openApp({ dataDir, apiToken: 'plugin-test-token-0123456789' });
  const state = await app.server.start({ host: '127.0.0.1', port: 0 });
  const project = app.catalog.projects.create({ name: 'Plugged' });
  const mock = (p: string) => {
    const m = app!.catalog.mocks.create(project.id, { name: p, path: p, method: 'GET' });
    app!.catalog.responses.create(m.id, { statusCode: 200, body: '{"ok":true}' });
    return m;
  };
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await app!.router.dispatch(name, input, 'cli');
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  const install = (name: string, wasm: Uint8Array) =>
    call('plugins.install', { wasm: b64(wasm), manifest: { name, version: '1.0.0' } });
  const get = async (p: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${state.url}/m/${project.slug}${p}`, { headers });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  return { project, mock, call, install, get };
}

describe('WebAssembly plugins', () => {
  it('the example plugin (built from plugins/examples/stamp/stamp.wat) changes the response it runs on', async () => {
    const dataDir = tempDir();
    const { project, mock, call, get } = await setup(dataDir);
    const stamp = stampPlugin();
    const info = await call<{ name: string; sha256: string; size: number }>('plugins.install', {
      wasm: b64(stamp.wasm),
      manifest: stamp.manifest,
    });
    expect(info).toMatchObject({ name: 'stamp', version: '1.0.0', size: stamp.wasm.byteLength });
    expect(readdirSync(path.join(dataDir, 'plugins', 'stamp')).sort()).toEqual(['manifest.json', 'plugin.wasm']);
    mock('/users');

    expect((await get('/users')).headers.get('x-stamped-by')).toBeNull();
    await call('plugins.setBindings', { projectId: project.id, plugins: ['stamp'] });
    const stamped = await get('/users');
    expect(stamped.status).toBe(200);
    expect(stamped.headers.get('x-stamped-by')).toBe('mockdeck-plugin-stamp');
    expect(stamped.text).toBe('{"ok":true}');
    // It reads its input: the request's header turns the answer into a teapot.
    const teapot = await get('/users', { 'x-stamp-status': '418' });
    expect([teapot.status, teapot.text]).toEqual([418, "I'm a teapot"]);

    await call('plugins.setBindings', { projectId: project.id, plugins: [] });
    expect((await get('/users')).headers.get('x-stamped-by')).toBeNull();
  });

  it.each([
    ['loops', LOOP, /did not finish within 250 ms/],
    ['grabs memory past its cap', GRAB, /trapped: unreachable/],
    ['traps', TRAP, /trapped: unreachable/],
    ['answers something that is not JSON', BAD_OUTPUT, /output is not JSON/],
  ])(
    'a plugin that %s fails its request with 500 PLUGIN_ERROR naming it; the server keeps answering others',
    async (_what, wasm, why) => {
      const { project, mock, install, call, get } = await setup();
      await install('bad', wasm);
      await install('stamp', stampPlugin().wasm);
      const bad = mock('/bad');
      const good = mock('/good');
      mock('/plain');
      await call('plugins.setBindings', { projectId: project.id, mockId: bad.id, plugins: ['bad'] });
      await call('plugins.setBindings', { projectId: project.id, mockId: good.id, plugins: ['stamp'] });

      const failing = get('/bad');
      // While the bad plugin runs (or loops), other requests are answered.
      const [plain, stamped] = await Promise.all([get('/plain'), get('/good')]);
      expect(plain.status).toBe(200);
      expect(stamped.headers.get('x-stamped-by')).toBe('mockdeck-plugin-stamp');
      const failed = await failing;
      expect(failed.status).toBe(500);
      const body = JSON.parse(failed.text) as { error: string; message: string; plugin: string };
      expect(body).toMatchObject({ error: 'PLUGIN_ERROR', plugin: 'bad' });
      expect(body.message).toMatch(why);
      // And the plugin runs again afterwards on a fresh thread: the failure was that request's only.
      expect((await get('/good')).status).toBe(200);
    },
  );

  it.each([
    ['not WebAssembly', new Uint8Array(Buffer.from('MZ this is an exe')), /not WebAssembly/],
    [
      'importing a host function',
      wat('(module (import "env" "fetch" (func)) (memory (export "memory") 1 2))'),
      /imports env\.fetch/,
    ],
    ['without a memory maximum', pluginWith('(i64.const 0)', '(memory (export "memory") 1)'), /declares no maximum/],
    [
      'with a memory maximum over 16 MiB',
      pluginWith('(i64.const 0)', '(memory (export "memory") 1 1024)'),
      /1024 pages/,
    ],
    ['without the ABI exports', wat('(module (memory (export "memory") 1 2))'), /does not export the function "alloc"/],
  ])('a file %s is refused with the reason and nothing is kept', async (_what, wasm, message) => {
    const dataDir = tempDir();
    const { install, call } = await setup(dataDir);
    await expect(install('evil', wasm)).rejects.toThrow(message);
    expect(await call('plugins.list', undefined)).toEqual([]);
    let kept: string[];
    try {
      kept = readdirSync(path.join(dataDir, 'plugins'));
    } catch {
      kept = [];
    }
    expect(kept).toEqual([]);
  });

  it('a plugin may return a repeated header as a list: it is sent as separate lines', async () => {
    const { project, mock, install, call, get } = await setup(tempDir());
    const output = '{"headers":{"Set-Cookie":["p=1; Path=/","q=2"]}}';
    const wasm = wat(`(module
  (memory (export "memory") 1 2)
  (data (i32.const 0) "${output.replace(/"/g, '\\"')}")
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "handle") (param i32 i32) (result i64) (i64.const ${output.length})))`);
    await install('cookies', wasm);
    mock('/session');
    await call('plugins.setBindings', { projectId: project.id, plugins: ['cookies'] });
    const res = await get('/session');
    expect(res.status).toBe(200);
    // getSetCookie lists the Set-Cookie lines as received: two lines, not one joined value.
    expect(res.headers.getSetCookie()).toEqual(['p=1; Path=/', 'q=2']);
  });

  it('binding a plugin that is not installed is refused; removing a bound plugin fails its mocks clearly', async () => {
    const { project, mock, install, call, get } = await setup();
    mock('/x');
    await expect(call('plugins.setBindings', { projectId: project.id, plugins: ['ghost'] })).rejects.toThrow(
      /plugin "ghost" is not installed/,
    );
    await install('stamp', stampPlugin().wasm);
    await call('plugins.setBindings', { projectId: project.id, plugins: ['stamp'] });
    await call('plugins.remove', { name: 'stamp' });
    const r = await get('/x');
    expect(r.status).toBe(500);
    expect(JSON.parse(r.text)).toMatchObject({ error: 'PLUGIN_ERROR', plugin: 'stamp' });
  });
});
