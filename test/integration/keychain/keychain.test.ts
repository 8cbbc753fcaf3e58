import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/core/secrets/keychain-store';
import { AppError } from '../../../main/core/util/errors';

/**
 * A real OS keychain round trip. Where no keychain is reachable this skips LOUDLY; with
 * MOCKDECK_REQUIRE_KEYCHAIN=1 (CI runs it under dbus-run-session + gnome-keyring) it fails.
 * Without keytar (an optional dependency npm skips where libsecret is missing) the reason
 * says so and how to build it.
 * Run: XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && MOCKDECK_REQUIRE_KEYCHAIN=1 npx vitest run test/integration/keychain'
 */
const SERVICE = `MockDeck-test-${process.pid}`;
const store = new KeychainSecretStore(SERVICE);
const reason = await store.probe().then(
  () => null,
  (e: unknown) => (e instanceof AppError ? `${e.message} ${e.hint ?? ''}` : String(e)),
);
const required = process.env.MOCKDECK_REQUIRE_KEYCHAIN === '1';
if (reason && !required) {
  console.warn(
    `\n*** SKIPPING the real keychain test: ${reason}\n*** Set MOCKDECK_REQUIRE_KEYCHAIN=1 to make this a failure.\n`,
  );
}

describe('KeychainSecretStore with the real OS keychain', () => {
  it.skipIf(reason !== null && !required)('stores, reads, deletes and clears secrets through keytar', async () => {
    if (reason) throw new Error(`MOCKDECK_REQUIRE_KEYCHAIN=1 but no keychain is reachable: ${reason}`);
    const value = `mfx_${Math.random().toString(36).slice(2)}`;
    await store.set('cloud-jwt@http://test', value);
    await store.set('other', 'two');
    expect(await store.get('cloud-jwt@http://test')).toBe(value);
    expect(await store.delete('other')).toBe(true);
    expect(await store.get('other')).toBeNull();
    await store.clear();
    expect(await store.get('cloud-jwt@http://test')).toBeNull();
  });
});
