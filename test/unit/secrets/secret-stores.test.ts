import { describe, expect, it } from 'vitest';
import { KeychainSecretStore, type KeytarLike } from '../../../main/core/secrets/keychain-store';
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
    ['module missing', () => Promise.reject(new Error("Cannot find module 'keytar'")), /could not be loaded/],
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
    expect(mode).toMatchObject({ kind: 'memory', reason: expect.stringMatching(/Session-only: .*Secret Service/) });
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
