import type { InstallProgress, InstalledItem, MarketKind } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import type { CloudHttp } from '../cloud/http';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError } from '../util/errors';
import { installPackage, type InstallResult } from './install';
import { InstalledRepo } from './installed-repo';
import { MarketplaceApi, type ReviewInput } from './market-api';
import { PluginsDir, type PluginTarget } from './plugins-dir';
import { recordScenarioPublished } from '../catalog/record-events';
import { findProject } from '../transfer';
import { preparePublish, type PublishInput, type PublishPreview } from './publish';
import { compareVersions, latestTemplateVersion, resolvePackage } from './resolve';
import type { PluginDetails, Published, ReviewPage, ScenarioDetails, TemplateDetails } from './schemas';
import type { z } from 'zod';
import type { MarketItemView, MarketPageView } from '../../../shared/ipc/marketplace';
import type { pluginVersionSchema } from './schemas';

export type MarketShown =
  | { kind: 'plugins'; details: PluginDetails; version: z.infer<typeof pluginVersionSchema> }
  | { kind: 'templates'; details: TemplateDetails }
  | { kind: 'scenarios'; details: ScenarioDetails };

/** One search hit and a page of them: the contract's views (shared/ipc/marketplace.ts), one definition. */
export type MarketItem = MarketItemView;
export type MarketPage = MarketPageView;

export interface MarketSearch {
  kind: MarketKind;
  query?: string;
  category?: string;
  tags?: string[];
  /** 0-based. Plugins page with limit/offset on the wire; this is translated. */
  page?: number;
  perPage?: number;
}

export interface InstalledWithUpdate extends InstalledItem {
  /** The marketplace's latest version when it is newer than the installed one. */
  update: string | null;
}

export interface MarketplaceOptions {
  http: CloudHttp;
  catalog: Catalog;
  store: Store;
  clock: Clock;
  /** The cloud base URL, recorded as each install's source. */
  source: () => string;
  /** The app's plugin service, which keeps installed plugins; none: plugins cannot be installed. */
  plugins: PluginTarget | null;
  tmpRoot?: string;
  fetch?: typeof fetch;
}

/** Review comments shorter than this are refused before sending (the document's minimum). */
export const MIN_REVIEW_COMMENT = 10;

/**
 * The marketplace use cases (docs/marketplace.md) over the cloud client: search, details,
 * reviews, install and publish, plus what was installed. The CLI and handlers call this.
 */
export class Marketplace {
  readonly api: MarketplaceApi;
  readonly installed: InstalledRepo;
  readonly plugins: PluginsDir | null;

  constructor(private readonly opts: MarketplaceOptions) {
    this.api = new MarketplaceApi(opts.http);
    this.installed = new InstalledRepo(opts.store.db);
    this.plugins = opts.plugins ? new PluginsDir(opts.plugins) : null;
  }

  async search(q: MarketSearch): Promise<MarketPage> {
    const page = Math.max(0, q.page ?? 0);
    const perPage = Math.min(100, Math.max(1, q.perPage ?? 20));
    const base = { ...(q.query ? { query: q.query } : {}), ...(q.category ? { category: q.category } : {}) };
    if (q.kind === 'plugins') {
      const r = await this.api.searchPlugins({ ...base, limit: perPage, offset: page * perPage });
      return {
        items: r.plugins.map((p) => ({
          kind: 'plugins' as const,
          name: p.name,
          version: p.version,
          description: p.description,
          category: p.category,
          tags: [],
          author: '',
          downloads: p.downloads,
          rating: p.rating,
          reviewsCount: 0,
        })),
        total: r.total,
        page,
        perPage,
      };
    }
    const paged = { ...base, ...(q.tags ? { tags: q.tags } : {}), page, perPage };
    const r =
      q.kind === 'templates'
        ? await this.api.searchTemplates(paged).then((a) => ({ hits: a.templates, total: a.total }))
        : await this.api.searchScenarios(paged).then((a) => ({ hits: a.scenarios, total: a.total }));
    const kind = q.kind;
    return {
      items: r.hits.map((t) => ({
        kind,
        name: t.name,
        version: t.version,
        description: t.description,
        category: t.category,
        tags: t.tags,
        author: t.author,
        downloads: t.downloads,
        rating: t.rating,
        reviewsCount: t.reviews_count,
      })),
      total: r.total,
      page,
      perPage,
    };
  }

  /** The documented details of one item (templates: of a version, the latest by default). */
  async show(kind: MarketKind, name: string, version?: string): Promise<MarketShown> {
    if (kind === 'plugins') {
      const p = await this.api.plugin(name);
      return { kind, details: p, version: await this.api.pluginVersion(name, version ?? p.latest_version) };
    }
    if (kind === 'templates') {
      return {
        kind,
        details: await this.api.template(name, version ?? (await latestTemplateVersion(this.api, name))),
      };
    }
    return { kind, details: await this.api.scenario(name) };
  }

  async reviews(
    kind: MarketKind,
    name: string,
    opts: { page?: number; perPage?: number; version?: string } = {},
  ): Promise<ReviewPage> {
    if (kind === 'plugins') throw noPluginReviews();
    if (kind === 'templates') {
      const v = opts.version ?? (await latestTemplateVersion(this.api, name));
      return this.api.templateReviews(name, v, opts.page ?? 0, opts.perPage ?? 20);
    }
    return this.api.scenarioReviews(name, opts.page ?? 0, opts.perPage ?? 20);
  }

  /** Checks the review before sending: rating 1–5, comment of at least 10 characters. */
  async submitReview(kind: MarketKind, name: string, review: ReviewInput, version?: string) {
    if (kind === 'plugins') throw noPluginReviews();
    if (!Number.isInteger(review.rating) || review.rating < 1 || review.rating > 5) {
      throw new AppError('VALIDATION_ERROR', `rating must be a whole number from 1 to 5 (got ${review.rating})`, {
        field: 'rating',
      });
    }
    const comment = review.comment.trim();
    if (comment.length < MIN_REVIEW_COMMENT) {
      throw new AppError(
        'VALIDATION_ERROR',
        `comment must be at least ${MIN_REVIEW_COMMENT} characters (got ${comment.length})`,
        {
          field: 'comment',
          hint: 'say what worked or did not',
        },
      );
    }
    const body = { rating: review.rating, comment, ...(review.title?.trim() ? { title: review.title.trim() } : {}) };
    if (kind === 'templates') {
      return this.api.submitTemplateReview(name, version ?? (await latestTemplateVersion(this.api, name)), body);
    }
    return this.api.submitScenarioReview(name, body);
  }

  async install(
    kind: MarketKind,
    name: string,
    version?: string,
    onProgress?: (p: InstallProgress) => void,
  ): Promise<InstallResult> {
    onProgress?.({ kind, name, phase: 'resolving', received: 0, total: null });
    const pkg = await resolvePackage(this.api, kind, name, version);
    return installPackage(
      {
        catalog: this.opts.catalog,
        installed: this.installed,
        plugins: this.plugins,
        clock: this.opts.clock,
        source: this.opts.source,
        ...(this.opts.tmpRoot ? { tmpRoot: this.opts.tmpRoot } : {}),
        ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      },
      pkg,
      onProgress,
    );
  }

  /** Removes an installed plugin (files and record); scenarios and templates are projects, deleted as such. */
  async uninstallPlugin(name: string): Promise<boolean> {
    const removed = (await this.plugins?.remove(name)) ?? false;
    return this.installed.remove('plugins', name) || removed;
  }

  /** Installed items, each with the marketplace's newer version if there is one (unreachable items: none). */
  async installedWithUpdates(): Promise<InstalledWithUpdate[]> {
    const out: InstalledWithUpdate[] = [];
    for (const i of this.installed.list()) {
      const latest = await resolvePackage(this.api, i.kind, i.name, undefined).then(
        (p) => p.version,
        () => null,
      );
      out.push({ ...i, update: latest && compareVersions(latest, i.version) > 0 ? latest : null });
    }
    return out;
  }

  async previewPublish(input: PublishInput): Promise<PublishPreview> {
    return (await preparePublish(this.opts.store, this.opts.clock, input)).preview;
  }

  /** Packages and sends a project; the organization switcher's org goes as X-Org-Id. */
  async publish(input: PublishInput): Promise<{ preview: PublishPreview; published: Published }> {
    const { preview, pkg } = await preparePublish(this.opts.store, this.opts.clock, input);
    const m = preview.manifest;
    const packageB64 = pkg.data.toString('base64');
    const published =
      input.kind === 'template'
        ? await this.api.publishTemplate({
            name: m.name,
            slug: m.name,
            description: m.description || m.name,
            version: m.version,
            category: preview.category,
            content_json: { name: m.name, version: m.version, description: m.description ?? '' },
            package: packageB64,
            checksum: pkg.sha256,
            file_size: pkg.size,
          })
        : await this.api.publishScenario(m.name, m.version, {
            manifest: JSON.stringify(m),
            package: packageB64,
            checksum: pkg.sha256,
            size: pkg.size,
          });
    if (input.kind === 'scenario') {
      // After the cloud accepted it: pipelines react to `scenario.published` (docs/pipelines.md).
      recordScenarioPublished(this.opts.catalog, {
        projectId: findProject(this.opts.store, input.project).id,
        scenarioId: `${published.name}@${published.version}`,
        scenarioName: published.name,
        version: published.version,
      });
    }
    return { preview, published };
  }
}

function noPluginReviews(): AppError {
  return new AppError('VALIDATION_ERROR', 'The marketplace has reviews for scenarios and templates, not plugins.', {
    hint: 'use --kind scenarios or templates',
  });
}
