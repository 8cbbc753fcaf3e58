import { AppError } from '../util/errors';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

/** The slice of keytar this store uses; injectable so tests can simulate a broken keychain. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

export const SESSION_ONLY_HINT =
  'Use session-only mode (secrets kept in memory until MockDeck quits), or for CI set MOCKDECK_CLOUD_TOKEN. ' +
  'On Linux, install and unlock a Secret Service keyring such as gnome-keyring.';

/** How long a keychain call may take before it is presumed hung (e.g. waiting on an unlock prompt). */
const CALL_TIMEOUT_MS = 10_000;

/** Secrets in the OS keychain through keytar, loaded only when first needed. */
export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  private keytar: Promise<KeytarLike> | null = null;

  constructor(
    private readonly service = KEYCHAIN_SERVICE,
    private readonly load: () => Promise<KeytarLike> = loadKeytar,
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

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

/** Says in plain words why the keychain cannot be used; never mentions the secret itself. */
export function unavailable(e: unknown): AppError {
  if (e instanceof AppError && e.code === 'KEYCHAIN_UNAVAILABLE') return e;
  const raw = e instanceof Error ? e.message : String(e);
  let why: string;
  if (/Cannot find module|could not locate the bindings|NODE_MODULE_VERSION|ERR_DLOPEN|\.node/i.test(raw)) {
    why = 'the keychain module (keytar) could not be loaded for this runtime';
  } else if (/dbus|DBUS|org\.freedesktop\.secrets|X11|Secret Service|ServiceUnknown|autolaunch/i.test(raw)) {
    why = 'no Secret Service (keychain) is running on the session D-Bus';
  } else if (/lock/i.test(raw) || /did not answer/.test(raw)) {
    why = 'the keychain is locked or did not answer';
  } else {
    why = `the keychain refused the request (${raw.slice(0, 200)})`;
  }
  return new AppError('KEYCHAIN_UNAVAILABLE', `MockDeck cannot store credentials: ${why}.`, {
    hint: SESSION_ONLY_HINT,
    cause: e,
  });
}
