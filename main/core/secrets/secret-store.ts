/**
 * Where credentials live. There are exactly two kinds and no plaintext fallback: the OS
 * keychain, or process memory that is gone when MockDeck exits ("session-only").
 */
export type SecretStoreKind = 'keychain' | 'memory';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** True when something was removed. */
  delete(key: string): Promise<boolean>;
  /** Removes every secret MockDeck stored (sign-out everywhere). */
  clear(): Promise<void>;
}

/** What the UI shows about where secrets go, and why. */
export interface SecretsMode {
  kind: SecretStoreKind;
  /** Plain words: "Stored in the system keychain" or why it is session-only. */
  reason: string;
}

/** Service name under which every MockDeck secret is filed in the keychain. */
export const KEYCHAIN_SERVICE = 'MockDeck';

/**
 * A form of a secret safe to show or log: enough to recognise it, never enough to use it.
 * `mfx_abc123def…` → `mfx_abc…•••`.
 */
export function maskSecret(value: string): string {
  if (value.length === 0) return '';
  const visible = value.startsWith('mfx_') ? 7 : Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, visible)}…•••`;
}
