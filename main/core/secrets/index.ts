export * from './secret-store';
export { MemorySecretStore } from './memory-store';
export { KeychainSecretStore } from './keychain-store';
export { KeychainUnavailableError, SESSION_ONLY_HINT } from './keychain-unavailable';
export { loadKeytar, type KeytarLike } from './load-keytar';
export { openSecretStore, type OpenSecretStoreOptions } from './open-secret-store';
