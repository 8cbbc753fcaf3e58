import { useMemo, useState } from 'react';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useFaq } from '../account/account-queries';
import { searchFaq } from './faq-search';

/** The cloud's FAQ, searchable as you type and filterable by category. */
export function FaqList() {
  const { data, error } = useFaq();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const items = useMemo(() => (data ? searchFaq(data.items, query, category) : []), [data, query, category]);
  return (
    <section className="cloud-card" aria-label="Frequently asked questions">
      <h2>Frequently asked questions</h2>
      <div className="faq-controls">
        <input
          type="search"
          aria-label="Search the FAQ"
          placeholder="Search questions and answers…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {data && data.categories.length > 0 && (
          <select
            aria-label="FAQ category"
            value={category ?? ''}
            onChange={(e) => setCategory(e.target.value || null)}
          >
            <option value="">All categories</option>
            {data.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
      </div>
      <CloudErrorNotice error={error} />
      {!data && !error && <div className="loading">Loading FAQ…</div>}
      {data && items.length === 0 && (
        <p className="muted" role="status">
          No question matches “{query}”. Try fewer words, or ask support.
        </p>
      )}
      <div className="faq-list">
        {items.map((i) => (
          <details key={i.id} className="faq-item">
            <summary>
              {i.question} {i.category && <span className="badge">{i.category}</span>}
            </summary>
            <p>{i.answer}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
