import { keytarFailedToLoad, keytarNotInstalled, isModuleNotFound } from './keychain-unavailable';

/** The slice of keytar this store uses; injectable so tests can simulate a broken keychain. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

const METHODS = ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'] as const;

/**
 * Loads keytar at run time. It is an optional dependency (it compiles against libsecret,
 * which a fresh Linux machine lacks), so its absence is a state to explain, not a crash:
 * the specifier is a variable so that neither TypeScript nor the bundlers (electron-vite,
 * the CLI's esbuild) need the package to exist.
 */
export async function loadKeytar(
  specifier = 'keytar',
  platform: NodeJS.Platform = process.platform,
): Promise<KeytarLike> {
  let mod: unknown;
  try {
    mod = await import(/* @vite-ignore */ specifier);
  } catch (e) {
    throw isModuleNotFound(e, specifier) ? keytarNotInstalled(e, platform) : keytarFailedToLoad(e, platform);
  }
  const keytar = asKeytar(mod) ?? asKeytar((mod as { default?: unknown }).default);
  if (!keytar) throw keytarFailedToLoad(new Error(`${specifier} does not export ${METHODS.join(', ')}`), platform);
  return keytar;
}

function asKeytar(value: unknown): KeytarLike | null {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
  const candidate = value as Record<string, unknown>;
  return METHODS.every((m) => typeof candidate[m] === 'function') ? (candidate as unknown as KeytarLike) : null;
}
