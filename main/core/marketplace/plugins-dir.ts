import { open, readFile } from 'node:fs/promises';
import { installedPluginManifestSchema, type InstalledPluginManifest } from '../../../shared/models';
import { PackageRefused } from './errors';

/** The first four bytes of every WebAssembly module. */
export const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
export const PLUGIN_MODULE_FILE = 'plugin.wasm';
export const PLUGIN_MANIFEST_FILE = 'manifest.json';

export interface InstalledPlugin {
  manifest: InstalledPluginManifest;
  /** Absolute path of the module (plugin.wasm). */
  modulePath: string;
}

/** Refuses a file that does not start with `\0asm`. */
export async function assertWasm(file: string): Promise<void> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    if (bytesRead < 4 || !head.equals(WASM_MAGIC)) {
      throw new PackageRefused('it is not a WebAssembly module (it does not start with the "\\0asm" magic bytes)');
    }
  } finally {
    await fh.close();
  }
}

/** What installs a downloaded plugin: the app's plugin service (main/core/plugins). */
export interface PluginTarget {
  install(manifest: unknown, bytes: Uint8Array<ArrayBuffer>, source: 'file' | 'marketplace'): PluginInfo;
  remove(name: string): void;
  readonly store: { list(): PluginInfo[]; pathOf(name: string): string | null };
}
interface PluginInfo {
  name: string;
  version: string;
}

/**
 * Installs into the plugin service's folder (`<dataDir>/plugins/<name>/`), where the runtime
 * finds it: one store of installed plugins, whether they came from a file or the marketplace.
 * The service checks the module again (no imports, the ABI, a memory maximum) before it keeps it.
 */
export class PluginsDir {
  constructor(private readonly target: PluginTarget) {}

  async install(manifest: InstalledPluginManifest, moduleFile: string): Promise<InstalledPlugin> {
    const m = installedPluginManifestSchema.parse(manifest);
    const bytes = new Uint8Array(await readFile(moduleFile));
    try {
      this.target.install(m, bytes, 'marketplace');
    } catch (e) {
      throw new PackageRefused((e as Error).message.replace(/^plugin "[^"]+" cannot be used: /, ''));
    }
    return { manifest: m, modulePath: this.target.store.pathOf(m.name) ?? '' };
  }

  async remove(name: string): Promise<boolean> {
    if (!this.target.store.list().some((p) => p.name === name)) return false;
    this.target.remove(name);
    return true;
  }
}
