import type { Catalog } from '../catalog/catalog';
import { openSecretStore } from '../secrets/open-secret-store';
import { Cloud, type CloudOptions } from './cloud';

export type CloudSetup = Omit<CloudOptions, 'catalog' | 'secrets' | 'secretsMode'> & {
  /** The user chose session-only secrets. */
  sessionOnly?: boolean;
};

const clouds = new WeakMap<Catalog, Promise<Cloud>>();

/**
 * The Cloud that serves one catalog. The desktop shell attaches one at startup (with the
 * browser opener for OAuth); otherwise the first cloud call builds one with the keychain,
 * falling back to session-only memory with the reason shown by `secrets.mode`.
 */
export function attachCloud(catalog: Catalog, cloud: Cloud | CloudSetup = {}): Promise<Cloud> {
  const p =
    cloud instanceof Cloud
      ? Promise.resolve(cloud)
      : openSecretStore({ onUnavailable: 'session-only', ...(cloud.sessionOnly ? { sessionOnly: true } : {}) }).then(
          ({ store, mode }) => new Cloud({ ...cloud, catalog, secrets: store, secretsMode: mode }),
        );
  clouds.set(catalog, p);
  p.catch(() => clouds.delete(catalog));
  return p;
}

export function cloudFor(catalog: Catalog): Promise<Cloud> {
  return clouds.get(catalog) ?? attachCloud(catalog);
}
