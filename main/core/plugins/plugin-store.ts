import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pluginManifestSchema, type InstalledPlugin, type PluginManifest } from '../../../shared/models';
import { AppError, notFound, parseInput } from '../util/errors';
import { checkPluginWasm } from './wasm-check';

export interface StoredPlugin {
  info: InstalledPlugin;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Installed plugins: `<dataDir>/plugins/<name>/plugin.wasm` and `manifest.json` beside it
 * (the manifest as installed, plus the wasm's SHA-256, size and source). In memory when the
 * app has no data dir. Every .wasm is checked (wasm-check.ts) before it is kept, and again
 * when read back, so a file changed on disk is refused rather than run.
 */
export class PluginStore {
  private readonly memory = new Map<string, StoredPlugin>();

  constructor(private readonly dir: string | null) {}

  list(): InstalledPlugin[] {
    if (this.dir === null) return [...this.memory.values()].map((p) => p.info);
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: InstalledPlugin[] = [];
    for (const name of names.sort()) {
      try {
        out.push(JSON.parse(readFileSync(path.join(this.dir, name, 'manifest.json'), 'utf8')) as InstalledPlugin);
      } catch {
        // A half-removed or foreign folder: not a plugin.
      }
    }
    return out;
  }

  /** Where the plugin's .wasm is kept; null in memory or when not installed. */
  pathOf(name: string): string | null {
    if (this.dir === null || !this.list().some((p) => p.name === name)) return null;
    return path.join(this.dir, name, 'plugin.wasm');
  }

  get(name: string): StoredPlugin | undefined {
    if (this.dir === null) return this.memory.get(name);
    const folder = path.join(this.dir, name);
    let info: InstalledPlugin;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      info = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as InstalledPlugin;
      bytes = new Uint8Array(readFileSync(path.join(folder, 'plugin.wasm')));
    } catch {
      return undefined;
    }
    if (sha256(bytes) !== info.sha256) {
      throw new AppError('VALIDATION_ERROR', `plugin "${name}" changed on disk since it was installed`, {
        hint: `install it again: mockdeck plugins add FILE.wasm --name ${name}`,
      });
    }
    return { info, bytes };
  }

  install(manifestInput: unknown, bytes: Uint8Array<ArrayBuffer>, source: InstalledPlugin['source']): InstalledPlugin {
    const manifest: PluginManifest = parseInput(pluginManifestSchema, manifestInput);
    checkPluginWasm(bytes, manifest.name);
    const info: InstalledPlugin = {
      ...manifest,
      sha256: sha256(bytes),
      size: bytes.byteLength,
      installedAt: new Date().toISOString(),
      source,
    };
    if (this.dir === null) {
      this.memory.set(manifest.name, { info, bytes });
      return info;
    }
    // Written beside, then swapped in: a crash leaves the old plugin or the new, never half of one.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const target = path.join(this.dir, manifest.name);
    const staging = `${target}.${process.pid}.${Date.now()}.tmp`;
    mkdirSync(staging, { mode: 0o700 });
    try {
      writeFileSync(path.join(staging, 'plugin.wasm'), bytes, { mode: 0o600 });
      writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw e;
    }
    return info;
  }

  remove(name: string): void {
    if (this.dir === null) {
      if (!this.memory.delete(name)) throw notFound('Plugin', name);
      return;
    }
    if (!this.list().some((p) => p.name === name)) throw notFound('Plugin', name);
    rmSync(path.join(this.dir, name), { recursive: true, force: true });
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
