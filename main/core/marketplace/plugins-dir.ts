import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

/**
 * Installed plugins: `<dataDir>/plugins/<name>/<version>/{plugin.wasm,manifest.json}`. One
 * version per name is kept (installing another replaces it). This is the seam the plugin
 * runtime reads: `list()` / `get(name)` give each module's path with its validated manifest.
 */
export class PluginsDir {
  constructor(readonly root: string) {}

  private dirOf(name: string): string {
    return path.join(this.root, name);
  }

  /** Moves a verified module into place with its manifest; the previous version goes once the new one is there. */
  async install(manifest: InstalledPluginManifest, moduleFile: string): Promise<InstalledPlugin> {
    const m = installedPluginManifestSchema.parse(manifest);
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const staging = path.join(this.root, `.staging-${m.name}-${process.pid}-${Date.now()}`);
    await mkdir(staging, { recursive: true, mode: 0o700 });
    try {
      await rename(moduleFile, path.join(staging, PLUGIN_MODULE_FILE)).catch(async () => {
        // Temp and data dir on different file systems: copy instead.
        await writeFile(path.join(staging, PLUGIN_MODULE_FILE), await readFile(moduleFile), { mode: 0o600 });
      });
      await writeFile(path.join(staging, PLUGIN_MANIFEST_FILE), `${JSON.stringify(m, null, 2)}\n`, { mode: 0o600 });
      const dir = this.dirOf(m.name);
      const old = existsSync(dir) ? `${dir}.old-${Date.now()}` : null;
      if (old) await rename(dir, old);
      await mkdir(dir, { mode: 0o700 });
      await rename(staging, path.join(dir, m.version));
      if (old) await rm(old, { recursive: true, force: true });
      return { manifest: m, modulePath: path.join(dir, m.version, PLUGIN_MODULE_FILE) };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  async list(): Promise<InstalledPlugin[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const out: InstalledPlugin[] = [];
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const p = await this.get(name);
      if (p) out.push(p);
    }
    return out;
  }

  /** The installed plugin of that name, or null (also when its files are damaged). */
  async get(name: string): Promise<InstalledPlugin | null> {
    if (name.startsWith('.') || name.includes('/') || name.includes('\\')) return null;
    try {
      const versions = await readdir(this.dirOf(name));
      const version = versions.find((v) => !v.startsWith('.'));
      if (!version) return null;
      const dir = path.join(this.dirOf(name), version);
      const manifest = installedPluginManifestSchema.parse(
        JSON.parse(await readFile(path.join(dir, PLUGIN_MANIFEST_FILE), 'utf8')),
      );
      return { manifest, modulePath: path.join(dir, PLUGIN_MODULE_FILE) };
    } catch {
      return null;
    }
  }

  async remove(name: string): Promise<boolean> {
    if (!(await this.get(name))) return false;
    await rm(this.dirOf(name), { recursive: true, force: true });
    return true;
  }
}
