import type { SecretStore } from './secret-store';

/** Session-only secrets: held in this process and forgotten on exit. Also the test double. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.values.delete(key);
  }

  async clear(): Promise<void> {
    this.values.clear();
  }

  /** Number of secrets held (tests check sign-out wiped them). */
  size(): number {
    return this.values.size;
  }
}
