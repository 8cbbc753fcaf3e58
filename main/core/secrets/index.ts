export * from './secret-store';
export { MemorySecretStore } from './memory-store';
export { KeychainSecretStore, SESSION_ONLY_HINT, type KeytarLike } from './keychain-store';
export { openSecretStore, type OpenSecretStoreOptions } from './open-secret-store';
