import { AppError } from '../util/errors';

/** The way on without a keychain; never a plaintext file. */
export const SESSION_ONLY_HINT =
  'Meanwhile use session-only mode (secrets kept in memory until MockDeck quits), or for CI set MOCKDECK_CLOUD_TOKEN.';

/**
 * KEYCHAIN_UNAVAILABLE with its parts kept apart: why the keychain cannot be used and what
 * would fix it. The app shows both beside its session-only note; the CLI prints them.
 */
export class KeychainUnavailableError extends AppError {
  constructor(
    readonly why: string,
    readonly fix: string,
    cause?: unknown,
  ) {
    super('KEYCHAIN_UNAVAILABLE', `MockDeck cannot use the OS keychain: ${why}.`, {
      hint: `${fix} ${SESSION_ONLY_HINT}`,
      cause,
    });
  }
}

const LIBSECRET_LINUX =
  'install libsecret (`sudo apt install libsecret-1-dev` on Debian/Ubuntu, `sudo dnf install libsecret-devel` on Fedora)';

/** keytar is an optional dependency: npm leaves it out where it cannot build it. */
export function keytarNotInstalled(cause: unknown, platform: NodeJS.Platform = process.platform) {
  const fix =
    platform === 'linux'
      ? `To use the keychain, ${LIBSECRET_LINUX} and a C++ toolchain, then run \`npm install\` again so npm builds keytar.`
      : 'To use the keychain, run `npm install` again and read its output for the reason keytar did not install.';
  return new KeychainUnavailableError(
    'keytar, the keychain module, is not installed (npm skips this optional dependency when it cannot build it)',
    fix,
    cause,
  );
}

/** keytar is there but its native part does not load (not built, or libsecret missing at run time). */
export function keytarFailedToLoad(cause: unknown, platform: NodeJS.Platform = process.platform) {
  const fix =
    platform === 'linux'
      ? `To use the keychain, ${LIBSECRET_LINUX}, then run \`npm rebuild keytar\`.`
      : 'To use the keychain, run `npm rebuild keytar`.';
  return new KeychainUnavailableError(`keytar is installed but failed to load (${firstLine(cause)})`, fix, cause);
}

/**
 * Says in plain words why a keychain call failed; never mentions the secret itself.
 * Errors from loading keytar arrive already explained and pass through.
 */
export function unavailable(e: unknown, platform: NodeJS.Platform = process.platform): KeychainUnavailableError {
  if (e instanceof KeychainUnavailableError) return e;
  const raw = firstLine(e);
  if (isModuleNotFound(e, 'keytar')) return keytarNotInstalled(e, platform);
  if (/could not locate the bindings|NODE_MODULE_VERSION|ERR_DLOPEN|\.node\b|shared object/i.test(raw))
    return keytarFailedToLoad(e, platform);
  if (/dbus|org\.freedesktop\.secrets|X11|Secret Service|ServiceUnknown|autolaunch/i.test(raw)) {
    return new KeychainUnavailableError(
      `no Secret Service (keychain) answers on the session D-Bus (${raw})`,
      'To use the keychain, run MockDeck in a desktop session with a Secret Service such as gnome-keyring (`sudo apt install gnome-keyring`), unlocked.',
      e,
    );
  }
  if (/lock/i.test(raw) || /did not answer/.test(raw)) {
    return new KeychainUnavailableError(
      'the keychain is locked or did not answer',
      'To use the keychain, unlock it (your login keyring) and try again.',
      e,
    );
  }
  return new KeychainUnavailableError(
    `the keychain refused the request (${raw})`,
    'Check the OS keychain (on Linux, the Secret Service such as gnome-keyring) and try again.',
    e,
  );
}

/** True when `e` says the package `name` itself cannot be found (not a file inside it). */
export function isModuleNotFound(e: unknown, name: string): boolean {
  return new RegExp(`Cannot find (module|package) ['"]${escapeRegExp(name)}['"]`).test(firstLine(e));
}

function firstLine(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return (raw.split('\n')[0] ?? '').slice(0, 300);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
