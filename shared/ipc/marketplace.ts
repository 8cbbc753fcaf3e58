import { z } from 'zod';
import {
  MARKET_KINDS,
  type ImportProjectResult,
  type InstalledItem,
  type InstallProgress,
  type InstalledPluginManifest,
  type MarketKind,
} from '../models';
import { call, reads, writes } from './call-meta';

/**
 * The marketplace block of the contract (docs/marketplace.md), spread into `calls` in
 * contract.ts. Search, details and reviews are public; install writes locally; publish and
 * reviewing need sign-in.
 */
const kind = z.enum(MARKET_KINDS, { message: `kind must be one of ${MARKET_KINDS.join(', ')}` });
const name = z.string().trim().min(1, 'name is required').max(128);
const version = z.string().trim().min(1).max(64).optional();

export interface MarketItemView {
  kind: MarketKind;
  name: string;
  version: string;
  description: string;
  category: string;
  tags: string[];
  author: string;
  downloads: number;
  rating: number;
  reviewsCount: number;
}
export interface MarketPageView {
  items: MarketItemView[];
  total: number;
  page: number;
  perPage: number;
}
export interface MarketReviewView {
  id: string;
  reviewer: string;
  rating: number;
  title: string | null;
  comment: string;
  createdAt: string;
  helpfulCount: number;
}
export interface MarketReviewPageView {
  reviews: MarketReviewView[];
  total: number;
  page: number;
  perPage: number;
}
export interface MarketDetailsView {
  kind: MarketKind;
  name: string;
  description: string;
  author: string;
  license: string;
  category: string;
  tags: string[];
  downloads: number;
  rating: number;
  reviewsCount: number;
  /** The version an install without @VERSION gets. */
  latestVersion: string;
  /** Newest first; only scenarios list every version, the others their latest. */
  versions: { version: string; yanked: boolean; publishedAt: string; size: number | null }[];
}
export type MarketInstallView =
  | {
      kind: 'scenarios' | 'templates';
      name: string;
      version: string;
      project: ImportProjectResult;
      warning: string | null;
    }
  | {
      kind: 'plugins';
      name: string;
      version: string;
      plugin: InstalledPluginManifest;
      modulePath: string;
      warning: string | null;
    };
export interface MarketInstalledView extends InstalledItem {
  update: string | null;
}
export interface MarketPublishPreviewView {
  kind: 'scenario' | 'template';
  manifest: { name: string; version: string; description?: string | undefined; license?: string | undefined };
  category: string;
  mocks: number;
  removedSecrets: number;
  sha256: string;
  size: number;
  /** The project file exactly as it will be packed, as JSON text. */
  projectFileJson: string;
}

export const marketPublishSchema = z.object({
  project: z.string().trim().min(1, 'project is required'),
  kind: z.enum(['scenario', 'template'], { message: 'kind must be scenario or template' }),
  version: z.string().trim().min(1, 'version is required (e.g. 1.0.0)'),
  name: z.string().trim().min(1).max(128).optional(),
  description: z.string().max(5000).optional(),
  category: z.string().trim().min(1).max(100).optional(),
});

/** main → renderer: an install's step and bytes (InstallProgressFeed thins them to ~10 a second). */
export const marketEvents = {
  'market.installProgress': undefined as unknown as InstallProgress,
} as const;

export const marketplaceCalls = {
  'market.search': call(
    z.object({
      kind,
      query: z.string().trim().max(200).optional(),
      category: z.string().trim().max(100).optional(),
      tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
      page: z.number().int().min(0).max(100_000).default(0),
      perPage: z.number().int().min(1).max(100).default(20),
    }),
    reads('Searches the marketplace for scenarios, templates or plugins, a page at a time.', 'cli'),
  ).returns<MarketPageView>(),
  'market.show': call(
    z.object({ kind, name, version }),
    reads(
      'Shows a marketplace item: description, author, license, downloads, rating and versions (yanked marked).',
      'cli',
    ),
  ).returns<MarketDetailsView>(),
  'market.reviews': call(
    z.object({
      kind,
      name,
      version,
      page: z.number().int().min(0).max(100_000).default(0),
      perPage: z.number().int().min(1).max(100).default(20),
    }),
    reads('Lists the reviews of a scenario or template, a page at a time.', 'cli'),
  ).returns<MarketReviewPageView>(),
  'market.submitReview': call(
    z.object({
      kind,
      name,
      version,
      rating: z
        .number()
        .int('rating must be a whole number from 1 to 5')
        .min(1, 'rating must be from 1 to 5')
        .max(5, 'rating must be from 1 to 5'),
      title: z.string().trim().max(200).optional(),
      comment: z.string().trim().min(10, 'comment must be at least 10 characters').max(5000),
    }),
    writes('Reviews a scenario or template (needs sign-in).', 'cli'),
  ).returns<{ reviewId: string }>(),
  'market.install': call(
    z.object({ kind, name, version }),
    writes('Installs a marketplace package: a scenario or template as a new project, or a plugin.', 'cli'),
  ).returns<MarketInstallView>(),
  'market.installed': call(
    z.object({}).strict().optional(),
    reads('Lists what was installed from the marketplace, each with a newer version when there is one.', 'cli'),
  ).returns<MarketInstalledView[]>(),
  'market.previewPublish': call(
    marketPublishSchema,
    reads(
      'Shows what publishing a project would send: its manifest, project file (no secrets), size and checksum.',
      'cli',
    ),
  ).returns<MarketPublishPreviewView>(),
  'market.publish': call(
    marketPublishSchema,
    writes(
      'Publishes a project as a marketplace scenario or template, in the selected organization (needs sign-in).',
      'cli',
    ),
  ).returns<{ name: string; version: string; downloadUrl: string; publishedAt: string; removedSecrets: number }>(),
};
