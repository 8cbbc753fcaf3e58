import { useEffect, useState } from 'react';
import { HTTP_METHODS } from '../../../../shared/models';
import type { LogFilters as Filters } from '../../app/slices/log-filter-slice';
import { STATUS_CLASSES, type StatusClass } from '../../ui/status-class';

interface Props {
  filters: Filters;
  mocks: { id: string; method: string; path: string }[];
  onChange: (patch: Partial<Filters>) => void;
}

export function LogFilters({ filters, mocks, onChange }: Props) {
  // Path text is debounced: each keystroke would otherwise restart a query over 100k rows.
  const [path, setPath] = useState(filters.pathText ?? '');
  useEffect(() => {
    const t = setTimeout(() => {
      if ((filters.pathText ?? '') !== path.trim()) onChange({ pathText: path });
    }, 200);
    return () => clearTimeout(t);
  }, [path, filters.pathText, onChange]);

  return (
    <div className="log-filters" role="group" aria-label="Log filters">
      <select
        aria-label="Filter by method"
        value={filters.method ?? ''}
        onChange={(e) => onChange({ method: e.target.value || undefined })}
      >
        <option value="">Any method</option>
        {HTTP_METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <select
        aria-label="Filter by status"
        value={filters.statusClass ?? ''}
        onChange={(e) => onChange({ statusClass: (e.target.value || undefined) as StatusClass | undefined })}
      >
        <option value="">Any status</option>
        {STATUS_CLASSES.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <select
        aria-label="Filter by mock"
        value={filters.mockId ?? ''}
        onChange={(e) => onChange({ mockId: e.target.value || undefined })}
      >
        <option value="">Any mock</option>
        {mocks.map((m) => (
          <option key={m.id} value={m.id}>
            {m.method} {m.path}
          </option>
        ))}
      </select>
      <input
        type="search"
        aria-label="Filter by path"
        placeholder="Path contains…"
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
    </div>
  );
}
