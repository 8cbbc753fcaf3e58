import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/core/secrets/keychain-store';
import { KeychainUnavailableError } from '../../../main/core/secrets/keychain-unavailable';
import { loadKeytar, type KeytarLike } from '../../../main/core/secrets/load-keytar';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { openSecretStore } from '../../../main/core/secrets/open-secret-store';
import { maskSecret } from '../../../main/core/secrets/secret-store';
import { AppError } from '../../../main/core/util/errors';

describe('MemorySecretStore', () => {
  it('gets, sets, deletes and clears', async () => {
    const s = new MemorySecretStore();
    expect(s.kind).toBe('memory');
    expect(await s.get('a')).toBeNull();
    await s.set('a', '1');
    await s.set('b', '2');
    expect(await s.get('a')).toBe('1');
    expect(await s.delete('a')).toBe(true);
    expect(await s.delete('a')).toBe(false);
    expect(s.size()).toBe(1);
    await s.clear();
    expect(s.size()).toBe(0);
    expect(await s.get('b')).toBeNull();
  });
});

describe('maskSecret', () => {
  it('keeps a recognisable prefix only', () => {
    expect(maskSecret('mfx_abc123def456')).toBe('mfx_abc…•••');
    expect(maskSecret('eyJhbGciOiJIUzI1NiJ9.payload.sig')).toBe('eyJh…•••');
    expect(maskSecret('')).toBe('');
  });
});

/** A keytar stand-in whose calls fail like the real module does in each broken setup. */
const failing = (message: string): KeytarLike => {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail };
};

describe('KeychainSecretStore when the keychain is unavailable', () => {
  const cases: [string, () => Promise<KeytarLike>, RegExp][] = [
    ['module missing', () => Promise.reject(new Error("Cannot find module 'keytar'")), /keytar.* is not installed/],
    [
      'native part missing',
      () => Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
      /keytar is installed but failed to load \(Cannot find module '\.\.\/build\/Release\/keytar\.node'\)/,
    ],
    [
      'no Secret Service on D-Bus',
      async () => failing('Cannot autolaunch D-Bus without X11 $DISPLAY'),
      /no Secret Service/,
    ],
    [
      'service not provided',
      async () => failing('The name org.freedesktop.secrets was not provided by any .service files'),
      /no Secret Service/,
    ],
    ['locked', async () => failing('Cannot create an item in a locked collection'), /locked/],
  ];
  for (const [name, load, why] of cases) {
    it(`${name}: KEYCHAIN_UNAVAILABLE with a plain reason and the session-only hint`, async () => {
      const store = new KeychainSecretStore('MockDeck-test', load);
      const err = await store.set('k', 'secret-value').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        code: 'KEYCHAIN_UNAVAILABLE',
        message: expect.stringMatching(why),
        hint: expect.stringMatching(/session-only/i),
      });
      expect(String((err as Error).message)).not.toContain('secret-value');
    });
  }

  it('openSecretStore: the CLI gets the error, the app falls back to memory and says why (never plaintext)', async () => {
    const keychain = new KeychainSecretStore('MockDeck-test', async () =>
      failing('Cannot autolaunch D-Bus without X11 $DISPLAY'),
    );
    await expect(openSecretStore({ onUnavailable: 'error', keychain })).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    const { store, mode } = await openSecretStore({ onUnavailable: 'session-only', keychain });
    expect(store.kind).toBe('memory');
    // Why, and how to get the keychain back, both in the note the app shows.
    expect(mode).toMatchObject({
      kind: 'memory',
      reason: expect.stringMatching(/Session-only: .*Secret Service.*gnome-keyring/),
    });
    const chosen = await openSecretStore({ onUnavailable: 'error', sessionOnly: true });
    expect(chosen.mode.kind).toBe('memory');
  });

  it('uses the keychain when it answers', async () => {
    const data = new Map<string, string>();
    const fake: KeytarLike = {
      getPassword: async (_s, a) => data.get(a) ?? null,
      setPassword: async (_s, a, p) => void data.set(a, p),
      deletePassword: async (_s, a) => data.delete(a),
      findCredentials: async () => [...data].map(([account, password]) => ({ account, password })),
    };
    const keychain = new KeychainSecretStore('MockDeck-test', async () => fake);
    const { store, mode } = await openSecretStore({ onUnavailable: 'error', keychain });
    expect(mode.kind).toBe('keychain');
    await store.set('x', 'y');
    await store.set('z', 'w');
    await store.clear();
    expect(data.size).toBe(0);
  });
});

/** loadKeytar against real module resolution: the states a fresh machine can be in. */
describe('loadKeytar', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-keytar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keytar not installed: says so, how to build it on Linux, and offers session-only mode', async () => {
    const err = await loadKeytar(`keytar-not-installed-${process.pid}`, 'linux').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainUnavailableError);
    const e = err as KeychainUnavailableError;
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(e.why).toMatch(/keytar, the keychain module, is not installed/);
    expect(e.fix).toMatch(/sudo apt install libsecret-1-dev.*npm install/);
    expect(e.hint).toMatch(/session-only mode/);
    expect(e.hint).not.toMatch(/plain|file/i);
  });

  it('keytar installed but its native part does not load: quotes the loader error and says to rebuild', async () => {
    // Shaped like keytar: its index requires a native binding that was never built.
    const pkg = path.join(dir, 'unbuilt-keytar');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'index.cjs'), "module.exports = require('./build/Release/keytar.node');\n");
    const err = await loadKeytar(path.join(pkg, 'index.cjs'), 'linux').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainUnavailableError);
    const e = err as KeychainUnavailableError;
    expect(e.why).toMatch(
      /keytar is installed but failed to load \(Cannot find module '\.\/build\/Release\/keytar\.node'/,
    );
    expect(e.fix).toMatch(/libsecret-1-dev.*npm rebuild keytar/);
    expect((await loadKeytar(path.join(pkg, 'index.cjs'), 'darwin').catch((x: unknown) => x)) as Error).toMatchObject({
      fix: expect.not.stringMatching(/apt/),
    });
  });

  it('a module without the keychain functions is refused rather than called', async () => {
    const file = path.join(dir, 'not-keytar.cjs');
    writeFileSync(file, 'module.exports = { getPassword() {} };\n');
    await expect(loadKeytar(file, 'linux')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      why: expect.stringMatching(/does not export getPassword, setPassword, deletePassword, findCredentials/),
    });
  });

  it('a store whose keytar is not installed reports it on first use, and the app falls back to memory', async () => {
    const keychain = new KeychainSecretStore('MockDeck-test', () => loadKeytar(`keytar-not-installed-${process.pid}`));
    await expect(keychain.get('k')).rejects.toMatchObject({ why: expect.stringMatching(/not installed/) });
    const { store, mode } = await openSecretStore({ onUnavailable: 'session-only', keychain });
    expect(store.kind).toBe('memory');
    expect(mode.reason).toMatch(/Session-only: .*not installed.*npm install/);
  });
});
