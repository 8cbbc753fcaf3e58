import type { App } from '../core/app';
import { MemorySecretStore } from '../core/secrets/memory-store';
import { stringOption, type CliIo, type CommandArgs } from './command';
import { dataDirOf, withApp } from './data-dir-option';

/**
 * Opens the data dir and a Cloud on the keychain. MOCKDECK_CLOUD_TOKEN (an mfx_ API token)
 * is the session-only path for CI: used for this process, never written anywhere.
 */
export function withCloudApp<T>(args: CommandArgs, io: CliIo, fn: (app: App) => Promise<T>): Promise<T> {
  const envToken = io.env.MOCKDECK_CLOUD_TOKEN?.trim() || null;
  const keychainService = io.env.MOCKDECK_KEYCHAIN_SERVICE;
  return withApp(
    dataDirOf(args, io),
    async (app) => {
      const cloud = await app.cloud();
      const url = stringOption(args, 'url') ?? io.env.MOCKDECK_CLOUD_URL;
      if (url) cloud.settings.setBaseUrl(url);
      return fn(app);
    },
    {
      cloud: {
        envToken,
        secrets: envToken
          ? {
              store: new MemorySecretStore(),
              mode: { kind: 'memory', reason: 'MOCKDECK_CLOUD_TOKEN is used for this run only' },
            }
          : 'keychain',
        onKeychainUnavailable: 'error',
        ...(keychainService ? { keychainService } : {}),
      },
    },
  );
}
