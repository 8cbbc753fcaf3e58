import type {
  MarketDetailsView,
  MarketInstalledView,
  MarketPageView,
  MarketReviewPageView,
} from '../../../../shared/ipc/marketplace';
import type { MarketKind } from '../../../../shared/models';
import { call } from '../../app/api';
import { useQuery, type QueryResult } from '../../app/query';
import { qk } from '../../app/query-keys';

/** Every marketplace key starts with "market:" so an install or publish can drop them at once. */
export interface MarketSearchQuery {
  kind: MarketKind;
  query: string;
  category: string;
  tags: string[];
  page: number;
  perPage: number;
}

export const useMarketSearch = (q: MarketSearchQuery): QueryResult<MarketPageView> =>
  useQuery(qk.market.search(q), () =>
    call('market.search', {
      kind: q.kind,
      page: q.page,
      perPage: q.perPage,
      ...(q.query.trim() ? { query: q.query.trim() } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.tags.length > 0 ? { tags: q.tags } : {}),
    }),
  );

/**
 * The categories and tags to offer as filters. The document has no endpoint listing them, so
 * they are read off the first 100 items of an unfiltered search (one bounded call per tab).
 */
export const useMarketFacets = (kind: MarketKind): QueryResult<{ categories: string[]; tags: string[] }> =>
  useQuery(qk.market.facets(kind), async () => {
    const page = await call('market.search', { kind, page: 0, perPage: 100 });
    const sortedSet = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort((a, b) => a.localeCompare(b));
    return {
      categories: sortedSet(page.items.map((i) => i.category)),
      tags: sortedSet(page.items.flatMap((i) => i.tags)),
    };
  });

export const useMarketItem = (kind: MarketKind, name: string): QueryResult<MarketDetailsView> =>
  useQuery(qk.market.show(kind, name), () => call('market.show', { kind, name }));

/** Plugins have no reviews in the marketplace document: null key, nothing asked. */
export const useMarketReviews = (kind: MarketKind, name: string, page: number): QueryResult<MarketReviewPageView> =>
  useQuery(kind === 'plugins' ? null : qk.market.reviews(kind, name, page), () =>
    call('market.reviews', { kind, name, page, perPage: REVIEWS_PER_PAGE }),
  );

export const REVIEWS_PER_PAGE = 10;

export const useMarketInstalled = (): QueryResult<MarketInstalledView[]> =>
  useQuery(qk.market.installed, () => call('market.installed', {}));

export const KIND_LABELS: Record<MarketKind, { plural: string; singular: string }> = {
  scenarios: { plural: 'Scenarios', singular: 'scenario' },
  templates: { plural: 'Templates', singular: 'template' },
  plugins: { plural: 'Plugins', singular: 'plugin' },
};
