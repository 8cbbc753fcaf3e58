import { KeychainSecretStore } from './keychain-store';
import { KeychainUnavailableError } from './keychain-unavailable';
import { MemorySecretStore } from './memory-store';
import type { SecretStore, SecretsMode } from './secret-store';

export interface OpenSecretStoreOptions {
  /** The user asked for session-only mode: skip the keychain entirely. */
  sessionOnly?: boolean;
  /**
   * What to do when the keychain is unavailable: 'error' throws KEYCHAIN_UNAVAILABLE (the
   * CLI, where a memory store would forget the login at exit); 'session-only' falls back
   * to memory and says why (the desktop app, which shows the reason). Never plaintext.
   */
  onUnavailable: 'error' | 'session-only';
  keychain?: KeychainSecretStore;
}

export async function openSecretStore(
  opts: OpenSecretStoreOptions,
): Promise<{ store: SecretStore; mode: SecretsMode }> {
  if (opts.sessionOnly) {
    return {
      store: new MemorySecretStore(),
      mode: { kind: 'memory', reason: 'Session-only mode was chosen: sign-ins last until MockDeck quits.' },
    };
  }
  const keychain = opts.keychain ?? new KeychainSecretStore();
  try {
    await keychain.probe();
    return { store: keychain, mode: { kind: 'keychain', reason: 'Credentials are stored in the system keychain.' } };
  } catch (e) {
    if (opts.onUnavailable === 'error' || !(e instanceof KeychainUnavailableError)) throw e;
    return {
      store: new MemorySecretStore(),
      mode: { kind: 'memory', reason: `Session-only: ${e.message} Sign-ins last until MockDeck quits. ${e.fix}` },
    };
  }
}
