import { createHash, randomUUID } from 'node:crypto';

export type Kind = 'plugins' | 'templates' | 'scenarios';

export interface StoredReview {
  id: string;
  reviewer: string;
  reviewer_email: string;
  rating: number;
  title: string | null;
  comment: string;
  created_at: string;
  helpful_count: number;
}

export interface StoredVersion {
  version: string;
  /** The package bytes served at its download URL. */
  data: Buffer;
  /** What the catalog announces (hostile seeds may announce a wrong one). */
  checksum: string;
  size: number;
  published_at: string;
  yanked: boolean;
}

export interface StoredItem {
  kind: Kind;
  name: string;
  description: string;
  category: string;
  tags: string[];
  author: string;
  author_email: string;
  license: string;
  downloads: number;
  org_id: string | null;
  versions: StoredVersion[];
  reviews: StoredReview[];
  created_at: string;
  updated_at: string;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The marketplace's data, in memory: items by kind and name. */
export class MarketState {
  readonly items = new Map<string, StoredItem>();

  key = (kind: Kind, name: string): string => `${kind}/${name}`;

  get(kind: Kind, name: string): StoredItem | undefined {
    return this.items.get(this.key(kind, name));
  }

  list(kind: Kind): StoredItem[] {
    return [...this.items.values()].filter((i) => i.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Adds an item or a version of it (seed and test lever; publish goes through the routes). */
  add(
    item: Partial<Omit<StoredItem, 'versions' | 'reviews'>> & { kind: Kind; name: string },
    version: { version: string; data: Buffer; checksum?: string; yanked?: boolean; size?: number },
    now = new Date().toISOString(),
  ): StoredItem {
    const existing = this.get(item.kind, item.name);
    const row: StoredItem = existing ?? {
      kind: item.kind,
      name: item.name,
      description: item.description ?? `${item.name} package`,
      category: item.category ?? 'other',
      tags: item.tags ?? [],
      author: item.author ?? 'mockforge',
      author_email: item.author_email ?? 'team@mockforge.test',
      license: item.license ?? 'MIT',
      downloads: item.downloads ?? 0,
      org_id: item.org_id ?? null,
      versions: [],
      reviews: [],
      created_at: now,
      updated_at: now,
    };
    row.versions.push({
      version: version.version,
      data: version.data,
      checksum: version.checksum ?? sha256(version.data),
      size: version.size ?? version.data.length,
      published_at: now,
      yanked: version.yanked ?? false,
    });
    row.updated_at = now;
    this.items.set(this.key(item.kind, item.name), row);
    return row;
  }

  addReview(
    item: StoredItem,
    r: Omit<StoredReview, 'id' | 'helpful_count'> & { helpful_count?: number },
  ): StoredReview {
    const review: StoredReview = { id: randomUUID(), helpful_count: 0, ...r };
    item.reviews.unshift(review);
    return review;
  }
}

/** Orders "1.2.3" strings numerically. */
export function compareVersions(a: string, b: string): number {
  const x = a.split(/[-+]/)[0]!.split('.').map(Number);
  const y = b.split(/[-+]/)[0]!.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

export const latest = (item: StoredItem, live = false): StoredVersion | undefined =>
  [...item.versions].filter((v) => !live || !v.yanked).sort((a, b) => compareVersions(b.version, a.version))[0] ??
  [...item.versions].sort((a, b) => compareVersions(b.version, a.version))[0];

export const averageRating = (item: StoredItem): number =>
  item.reviews.length === 0
    ? 0
    : Math.round((item.reviews.reduce((n, r) => n + r.rating, 0) / item.reviews.length) * 10) / 10;
