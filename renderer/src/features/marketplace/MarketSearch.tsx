import { useState } from 'react';
import type { MarketItemView } from '../../../../shared/ipc/marketplace';
import type { MarketKind } from '../../../../shared/models';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { KIND_LABELS, useMarketFacets, useMarketSearch, type MarketSearchQuery } from './market-queries';
import { Stars } from './Stars';

const PER_PAGE = 10;
/** The marketplace document names these plugin categories; scenarios and templates are free text. */
const PLUGIN_CATEGORIES = [
  'auth',
  'template',
  'response',
  'datasource',
  'middleware',
  'testing',
  'observability',
  'other',
];

type Sort = 'relevance' | 'downloads' | 'rating' | 'name';
const SORTS: Record<Sort, string> = {
  relevance: 'As the marketplace lists them',
  downloads: 'Most downloaded',
  rating: 'Best rated',
  name: 'Name',
};

function sorted(items: MarketItemView[], sort: Sort): MarketItemView[] {
  if (sort === 'relevance') return items;
  const by: Record<Exclude<Sort, 'relevance'>, (a: MarketItemView, b: MarketItemView) => number> = {
    downloads: (a, b) => b.downloads - a.downloads,
    rating: (a, b) => b.rating - a.rating || b.reviewsCount - a.reviewsCount,
    name: (a, b) => a.name.localeCompare(b.name),
  };
  return [...items].sort(by[sort]);
}

/** One tab of the browser: query, category, tags, sort and pages of hits. */
export function MarketSearch({ kind }: { kind: MarketKind }) {
  const openMarket = useAppStore((s) => s.openMarket);
  const [draft, setDraft] = useState({ query: '', category: '', tags: '' });
  const [q, setQ] = useState<MarketSearchQuery>({
    kind,
    query: '',
    category: '',
    tags: [],
    page: 0,
    perPage: PER_PAGE,
  });
  const [sort, setSort] = useState<Sort>('relevance');
  const { data, error, loading } = useMarketSearch(q);
  const hasTags = kind !== 'plugins'; // plugin search takes no tags in the document
  const pages = data ? Math.max(1, Math.ceil(data.total / data.perPage)) : 1;
  const { data: facets } = useMarketFacets(kind);
  const categories = [
    ...new Set([...(kind === 'plugins' ? PLUGIN_CATEGORIES : []), ...(facets?.categories ?? []), q.category]),
  ]
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b));
  const tagListId = `market-tags-${kind}`;
  const apply = (patch: Partial<typeof draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setQ({
      kind,
      query: next.query,
      category: next.category,
      tags: hasTags
        ? next.tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
      page: 0,
      perPage: PER_PAGE,
    });
  };
  const label = KIND_LABELS[kind];

  return (
    <div className="cloud-screen market-search">
      <form
        className="market-filters"
        role="search"
        aria-label={`Search ${label.plural.toLowerCase()}`}
        onSubmit={(e) => {
          e.preventDefault();
          apply({});
        }}
      >
        <label className="market-filter market-filter-query">
          <span>Search</span>
          <input
            type="search"
            value={draft.query}
            placeholder={`Find ${label.plural.toLowerCase()}…`}
            onChange={(e) => setDraft({ ...draft, query: e.target.value })}
          />
        </label>
        <label className="market-filter">
          <span>Category</span>
          <select value={draft.category} onChange={(e) => apply({ category: e.target.value })}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {hasTags && (
          <label className="market-filter">
            <span>Tags</span>
            <input
              value={draft.tags}
              placeholder="e.g. api, payment"
              list={tagListId}
              onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
            />
          </label>
        )}
        {hasTags && (
          <datalist id={tagListId}>
            {(facets?.tags ?? []).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        )}
        <label className="market-filter">
          <span>Sort this page</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {Object.entries(SORTS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary btn-small market-filter-go">
          Search
        </button>
      </form>
      <ErrorNotice error={error} />
      {loading && !data && <div className="loading">Searching the marketplace…</div>}
      {data && (
        <>
          <p className="muted market-count" aria-live="polite">
            {data.total === 0
              ? `No ${label.plural.toLowerCase()} match.`
              : `${data.total} ${data.total === 1 ? label.singular : label.plural.toLowerCase()}${loading ? ' · updating…' : ''}`}
          </p>
          <ul className="market-results" aria-label={`${label.plural} found`}>
            {sorted(data.items, sort).map((item) => (
              <li key={item.name} className="market-card">
                <button
                  type="button"
                  className="market-card-btn"
                  aria-label={`${item.name}: ${item.description}`}
                  onClick={() => openMarket(kind, { kind, name: item.name })}
                >
                  <span className="market-card-head">
                    <strong>{item.name}</strong>
                    <span className="muted">v{item.version}</span>
                    <span className="pill">{item.category}</span>
                  </span>
                  <span className="market-card-desc">{item.description}</span>
                  <span className="market-card-meta muted">
                    by {item.author || 'unknown'} · {item.downloads.toLocaleString()} downloads ·{' '}
                    <Stars rating={item.rating} /> ({item.reviewsCount})
                    {item.tags.length > 0 && <> · {item.tags.map((t) => `#${t}`).join(' ')}</>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {data.total > data.perPage && (
            <nav className="market-pager" aria-label="Result pages">
              <button
                type="button"
                className="btn btn-small"
                disabled={q.page === 0}
                onClick={() => setQ({ ...q, page: q.page - 1 })}
              >
                Previous
              </button>
              <span>
                Page {q.page + 1} of {pages}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={q.page + 1 >= pages}
                onClick={() => setQ({ ...q, page: q.page + 1 })}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
