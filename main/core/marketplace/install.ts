import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InstallProgress, InstalledPluginManifest } from '../../../shared/models';
import { MARKET_SIZE_LIMITS } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import { importDocument } from '../transfer';
import type { Clock } from '../util/clock';
import { downloadVerified, mb, normalizeChecksum } from './download';
import { PackageRefused, singular } from './errors';
import { extractPackage } from './extract';
import type { InstalledRepo } from './installed-repo';
import { readPackage } from './package-files';
import { assertWasm, type InstalledPlugin, type PluginsDir } from './plugins-dir';
import type { ResolvedPackage } from './resolve';
import type { MarketInstallView } from '../../../shared/ipc/marketplace';

export interface InstallDeps {
  catalog: Catalog;
  installed: InstalledRepo;
  /** null without a data dir (in-memory apps): plugins cannot be installed there. */
  plugins: PluginsDir | null;
  clock: Clock;
  source: () => string;
  /** Where install temp dirs are made (default: the OS temp dir). */
  tmpRoot?: string;
  fetch?: typeof fetch;
}

/** A project install as the contract shows it; a plugin install with the core's own record (the handler makes its view). */
export type InstallResult =
  | Extract<MarketInstallView, { kind: 'scenarios' | 'templates' }>
  | { kind: 'plugins'; name: string; version: string; plugin: InstalledPlugin; warning: string | null };

/**
 * Installs one resolved package: download (streamed, size-capped, SHA-256 checked), unpack
 * into a fresh temp dir with every unsafe entry refused, validate the manifest, then create
 * a project through the import service, or move the plugin module into the plugins dir. The
 * temp dir is removed in every case; a refused package has changed nothing.
 */
export async function installPackage(
  deps: InstallDeps,
  pkg: ResolvedPackage,
  onProgress: (p: InstallProgress) => void = () => undefined,
): Promise<InstallResult> {
  const limit = MARKET_SIZE_LIMITS[pkg.kind];
  const progress = (phase: InstallProgress['phase'], received = 0, total: number | null = null) =>
    onProgress({ kind: pkg.kind, name: pkg.name, phase, received, total });
  if (pkg.size !== null && pkg.size > limit) {
    throw new PackageRefused(`it is ${mb(pkg.size)}, more than the ${mb(limit)} allowed for a ${singular(pkg.kind)}`);
  }
  if (pkg.kind === 'plugins' && !deps.plugins) {
    throw new PackageRefused('plugins need a data dir to live in', 'Run with --data-dir, or from the desktop app.');
  }
  const sha256 = normalizeChecksum(pkg.checksum);
  const root = deps.tmpRoot ?? os.tmpdir();
  await mkdir(root, { recursive: true });
  const tmp = await mkdtemp(path.join(root, 'mockdeck-install-'));
  try {
    const file = path.join(tmp, 'download');
    progress('downloading', 0, pkg.size);
    const size = await downloadVerified({
      url: pkg.url,
      sha256,
      maxBytes: limit,
      file,
      onProgress: (r, t) => progress('downloading', r, t ?? pkg.size),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    progress('verifying', size, size);
    const installedAt = deps.clock.now().toISOString();
    if (pkg.kind === 'plugins') {
      await assertWasm(file);
      const manifest: InstalledPluginManifest = {
        name: pkg.name,
        version: pkg.version,
        description: pkg.description,
        category: pkg.category,
        author: pkg.author,
        license: pkg.license,
        sha256,
        size,
        installedAt,
        source: deps.source(),
      };
      const plugin = await deps.plugins!.install(manifest, file);
      deps.installed.record({
        kind: 'plugins',
        name: pkg.name,
        version: pkg.version,
        projectId: null,
        installedAt,
        source: deps.source(),
      });
      progress('done', size, size);
      return { kind: 'plugins', name: pkg.name, version: pkg.version, plugin, warning: pkg.warning };
    }
    const unpacked = path.join(tmp, 'unpacked');
    await mkdir(unpacked);
    progress('extracting', size, size);
    await extractPackage(file, unpacked, { maxUnpackedBytes: limit });
    const contents = await readPackage(unpacked, pkg.name);
    progress('importing', size, size);
    const project = await importDocument(deps.catalog, {
      content: contents.document.text,
      format: 'auto',
      fileName: contents.document.fileName,
    });
    deps.installed.record({
      kind: pkg.kind,
      name: pkg.name,
      version: contents.manifest.version,
      projectId: project.project.id,
      installedAt,
      source: deps.source(),
    });
    progress('done', size, size);
    return { kind: pkg.kind, name: pkg.name, version: contents.manifest.version, project, warning: pkg.warning };
  } finally {
    await rm(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}
