import type { MarketKind } from '../../../shared/models';
import { AppError } from '../util/errors';
import { PackageRefused } from './errors';
import type { MarketplaceApi } from './market-api';

/** What to download for one install. */
export interface ResolvedPackage {
  kind: MarketKind;
  name: string;
  version: string;
  url: string;
  checksum: string;
  /** Size the marketplace announces, when it does. */
  size: number | null;
  description: string;
  category: string;
  author: string;
  license: string;
  /** Set when an explicitly asked version is yanked (installed anyway, with this warning). */
  warning: string | null;
}

/** Orders semantic versions; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/[-+]/, 2);
    return { nums: core.split('.').map((n) => Number(n) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/**
 * Finds the version to install: the one asked for, else the latest that is not yanked
 * (scenarios list their versions; plugins name their latest; templates are found by search,
 * since the document's template endpoints all take a version).
 */
export async function resolvePackage(
  api: MarketplaceApi,
  kind: MarketKind,
  name: string,
  version: string | undefined,
): Promise<ResolvedPackage> {
  if (kind === 'plugins') {
    const p = await api.plugin(name);
    const v = await api.pluginVersion(name, version ?? p.latest_version);
    return {
      kind,
      name,
      version: v.version,
      url: v.download_url,
      checksum: v.checksum,
      size: null,
      description: p.description,
      category: p.category,
      author: p.author,
      license: '',
      warning: null,
    };
  }
  if (kind === 'templates') {
    const v = version ?? (await latestTemplateVersion(api, name));
    const t = await api.template(name, v);
    return {
      kind,
      name,
      version: t.version,
      url: t.download_url,
      checksum: t.checksum,
      size: t.size,
      description: t.description,
      category: t.category,
      author: t.author,
      license: '',
      warning: null,
    };
  }
  const s = await api.scenario(name);
  let chosen = version;
  let warning: string | null = null;
  if (chosen === undefined) {
    const live = s.versions.filter((v) => !v.yanked).sort((a, b) => compareVersions(b.version, a.version));
    if (live.length === 0) {
      throw new PackageRefused(`every version of scenario "${name}" is yanked`, 'Ask its author for a new version.');
    }
    chosen = live[0]!.version;
  } else if (s.versions.find((v) => v.version === chosen)?.yanked) {
    warning = `version ${chosen} of scenario "${name}" is yanked by its author; installed because you asked for it`;
  }
  const v = await api.scenarioVersion(name, chosen);
  return {
    kind,
    name,
    version: v.version,
    url: v.download_url,
    checksum: v.checksum,
    size: v.size,
    description: s.description,
    category: s.category,
    author: s.author,
    license: s.license,
    warning,
  };
}

export async function latestTemplateVersion(api: MarketplaceApi, name: string): Promise<string> {
  const found = await api.searchTemplates({ query: name, perPage: 100 });
  const hits = found.templates.filter((t) => t.name === name || t.slug === name);
  if (hits.length === 0) {
    throw new AppError('NOT_FOUND', `The marketplace has no template "${name}".`, {
      hint: `Check the spelling, or find it with \`mockdeck market search ${name} --kind templates\`.`,
    });
  }
  return hits.map((t) => t.version).sort((a, b) => compareVersions(b, a))[0]!;
}
