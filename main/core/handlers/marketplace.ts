import type { MarketDetailsView, MarketReviewPageView } from '../../../shared/ipc/marketplace';
import { Marketplace, type MarketShown } from '../marketplace';
import type { ReviewPage } from '../marketplace/schemas';
import type { HandlerContext } from './context';
import type { Router } from './router';

/** The marketplace over the app's cloud client; cheap to build, so one per call. */
async function marketOf(ctx: HandlerContext): Promise<Marketplace> {
  const cloud = await ctx.core.cloud();
  return new Marketplace({
    http: cloud.http,
    catalog: ctx.core.catalog,
    store: ctx.core.store,
    clock: ctx.core.clock,
    source: () => cloud.settings.baseUrl(),
    plugins: ctx.core.plugins,
  });
}

const reviewPage = (r: ReviewPage): MarketReviewPageView => ({
  reviews: r.reviews.map((x) => ({
    id: x.id,
    reviewer: x.reviewer,
    rating: x.rating,
    title: x.title,
    comment: x.comment,
    createdAt: x.created_at,
    helpfulCount: x.helpful_count,
  })),
  total: r.total,
  page: r.page,
  perPage: r.per_page,
});

/** market.*: the marketplace use cases (main/core/marketplace, docs/marketplace.md). */
export function registerMarketplaceHandlers(router: Router): void {
  router
    .handle('market.search', async (q, ctx) => (await marketOf(ctx)).search(q))
    .handle('market.show', async ({ kind, name, version }, ctx) =>
      details(await (await marketOf(ctx)).show(kind, name, version)),
    )
    .handle('market.reviews', async ({ kind, name, version, page, perPage }, ctx) =>
      reviewPage(await (await marketOf(ctx)).reviews(kind, name, { page, perPage, ...(version ? { version } : {}) })),
    )
    .handle('market.submitReview', async ({ kind, name, version, ...review }, ctx) => {
      const r = await (await marketOf(ctx)).submitReview(kind, name, review, version);
      return { reviewId: r.review_id };
    })
    .handle('market.install', async ({ kind, name, version }, ctx) => {
      const feed = ctx.core.marketProgress;
      const r = await (
        await marketOf(ctx)
      )
        .install(kind, name, version, (p) => feed.report(p))
        .catch((e: unknown) => {
          feed.forget(kind, name);
          throw e;
        });
      return r.kind === 'plugins'
        ? {
            kind: r.kind,
            name: r.name,
            version: r.version,
            plugin: r.plugin.manifest,
            modulePath: r.plugin.modulePath,
            warning: r.warning,
          }
        : r;
    })
    .handle('market.installed', async (_i, ctx) => (await marketOf(ctx)).installedWithUpdates())
    .handle('market.previewPublish', async (input, ctx) => {
      const p = await (await marketOf(ctx)).previewPublish(input);
      const { projectFile, ...rest } = p;
      return { ...rest, projectFileJson: JSON.stringify(projectFile, null, 2) };
    })
    .handle('market.publish', async (input, ctx) => {
      const r = await (await marketOf(ctx)).publish(input);
      return {
        name: r.published.name,
        version: r.published.version,
        downloadUrl: r.published.download_url,
        publishedAt: r.published.published_at,
        removedSecrets: r.preview.removedSecrets,
      };
    });
}

function details(s: MarketShown): MarketDetailsView {
  if (s.kind === 'plugins') {
    const p = s.details;
    return {
      kind: 'plugins',
      name: p.name,
      description: p.description,
      author: p.author,
      license: '',
      category: p.category,
      tags: [],
      downloads: p.downloads_total,
      rating: p.rating_avg,
      reviewsCount: p.rating_count,
      latestVersion: p.latest_version,
      versions: [{ version: s.version.version, yanked: false, publishedAt: s.version.published_at, size: null }],
    };
  }
  if (s.kind === 'scenarios') {
    const d = s.details;
    return {
      kind: 'scenarios',
      name: d.name,
      description: d.description,
      author: d.author,
      license: d.license,
      category: d.category,
      tags: d.tags,
      downloads: d.downloads,
      rating: d.rating,
      reviewsCount: d.reviews_count,
      latestVersion: d.version,
      versions: [...d.versions]
        .reverse()
        .map((v) => ({ version: v.version, yanked: v.yanked, publishedAt: v.published_at, size: v.size })),
    };
  }
  const t = s.details;
  return {
    kind: 'templates',
    name: t.name,
    description: t.description,
    author: t.author,
    license: '',
    category: t.category,
    tags: t.tags,
    downloads: t.downloads,
    rating: t.rating,
    reviewsCount: t.reviews_count,
    latestVersion: t.version,
    versions: [{ version: t.version, yanked: false, publishedAt: t.created_at, size: t.size }],
  };
}
