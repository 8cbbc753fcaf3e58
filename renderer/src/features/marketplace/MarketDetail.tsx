import { useState } from 'react';
import type { MarketKind } from '../../../../shared/models';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from './format';
import { InstallPanel } from './InstallPanel';
import { KIND_LABELS, REVIEWS_PER_PAGE, useMarketItem, useMarketReviews } from './market-queries';
import { ReviewForm } from './ReviewForm';
import { Stars } from './Stars';

/** An item's page: what it is, its versions, install, and (scenarios, templates) its reviews. */
export function MarketDetail({ kind, name }: { kind: MarketKind; name: string }) {
  const openMarket = useAppStore((s) => s.openMarket);
  const { data: item, error } = useMarketItem(kind, name);
  return (
    <div className="cloud-screen market-detail">
      <button type="button" className="btn btn-small" onClick={() => openMarket(kind, null)}>
        ← All {KIND_LABELS[kind].plural.toLowerCase()}
      </button>
      <ErrorNotice error={error} />
      {!item && !error && <div className="loading">Loading {name}…</div>}
      {item && (
        <article aria-label={`${KIND_LABELS[kind].singular} ${item.name}`}>
          <div className="market-detail-head">
            <div>
              <h2 className="market-detail-title">
                {item.name} <span className="muted">v{item.latestVersion}</span>
              </h2>
              <p className="market-detail-desc">{item.description}</p>
            </div>
            <InstallPanel kind={kind} name={item.name} version={item.latestVersion} />
          </div>
          <dl className="market-facts">
            <dt>Author</dt>
            <dd>{item.author || 'unknown'}</dd>
            <dt>License</dt>
            <dd>{item.license || 'not stated'}</dd>
            <dt>Category</dt>
            <dd>{item.category}</dd>
            <dt>Downloads</dt>
            <dd>{item.downloads.toLocaleString()}</dd>
            <dt>Rating</dt>
            <dd>
              <Stars rating={item.rating} /> from {item.reviewsCount} {item.reviewsCount === 1 ? 'review' : 'reviews'}
            </dd>
            {item.tags.length > 0 && (
              <>
                <dt>Tags</dt>
                <dd>{item.tags.join(', ')}</dd>
              </>
            )}
          </dl>
          <section className="cloud-card" aria-label="Versions">
            <h3>Versions</h3>
            <table className="market-versions">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Published</th>
                  <th scope="col">Size</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {item.versions.map((v) => (
                  <tr key={v.version} className={v.yanked ? 'market-yanked' : ''}>
                    <td>
                      <code>{v.version}</code>
                    </td>
                    <td>{v.publishedAt ? new Date(v.publishedAt).toLocaleDateString() : '—'}</td>
                    <td>{v.size === null ? '—' : formatBytes(v.size)}</td>
                    <td>
                      {v.yanked ? (
                        <span
                          className="pill market-pill-yanked"
                          title="Withdrawn by its author; not installed by default"
                        >
                          yanked
                        </span>
                      ) : v.version === item.latestVersion ? (
                        <span className="pill pill-accent">latest</span>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {kind === 'plugins' ? (
            <p className="muted">
              The marketplace keeps no reviews for plugins. Once installed, choose the projects and mocks that run it in
              their Plugins tab.
            </p>
          ) : (
            <Reviews kind={kind} name={item.name} />
          )}
        </article>
      )}
    </div>
  );
}

function Reviews({ kind, name }: { kind: MarketKind; name: string }) {
  const [page, setPage] = useState(0);
  const { data, error, loading } = useMarketReviews(kind, name, page);
  const pages = data ? Math.max(1, Math.ceil(data.total / REVIEWS_PER_PAGE)) : 1;
  return (
    <section className="cloud-card" aria-label="Reviews">
      <h3>Reviews{data ? ` (${data.total})` : ''}</h3>
      <ErrorNotice error={error} />
      {loading && !data && <div className="loading">Loading reviews…</div>}
      {data && data.total === 0 && <p className="muted">No reviews yet: be the first.</p>}
      {data && data.reviews.length > 0 && (
        <ul className="market-reviews">
          {data.reviews.map((r) => (
            <li key={r.id} className="market-review">
              <div className="market-review-head">
                <Stars rating={r.rating} />
                {r.title && <strong>{r.title}</strong>}
                <span className="muted">
                  {r.reviewer} · {new Date(r.createdAt).toLocaleDateString()}
                </span>
              </div>
              <p>{r.comment}</p>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > REVIEWS_PER_PAGE && (
        <nav className="market-pager" aria-label="Review pages">
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            Next
          </button>
        </nav>
      )}
      <ReviewForm kind={kind} name={name} onPosted={() => setPage(0)} />
    </section>
  );
}
