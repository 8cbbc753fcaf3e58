import { unavailable } from './keychain-unavailable';
import { loadKeytar, type KeytarLike } from './load-keytar';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

/** How long a keychain call may take before it is presumed hung (e.g. waiting on an unlock prompt). */
const CALL_TIMEOUT_MS = 10_000;

/** Secrets in the OS keychain through keytar, loaded only when first needed. */
export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  private keytar: Promise<KeytarLike> | null = null;

  constructor(
    private readonly service = KEYCHAIN_SERVICE,
    private readonly load: () => Promise<KeytarLike> = () => loadKeytar(),
  ) {}

  /** Throws KEYCHAIN_UNAVAILABLE (with the reason) unless the keychain answers a harmless read. */
  async probe(): Promise<void> {
    await this.run((k) => k.findCredentials(this.service));
  }

  get(key: string): Promise<string | null> {
    return this.run((k) => k.getPassword(this.service, key));
  }

  set(key: string, value: string): Promise<void> {
    return this.run((k) => k.setPassword(this.service, key, value));
  }

  delete(key: string): Promise<boolean> {
    return this.run((k) => k.deletePassword(this.service, key));
  }

  async clear(): Promise<void> {
    await this.run(async (k) => {
      for (const c of await k.findCredentials(this.service)) await k.deletePassword(this.service, c.account);
    });
  }

  private async run<T>(fn: (k: KeytarLike) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      this.keytar ??= this.load();
      const k = await this.keytar;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the keychain did not answer (is it locked, waiting for a password?)')),
          CALL_TIMEOUT_MS,
        );
      });
      return await Promise.race([fn(k), timeout]);
    } catch (e) {
      this.keytar = null;
      throw unavailable(e);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
