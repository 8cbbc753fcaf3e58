import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { describeChaos, type MockSummary } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { mockKeys } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MethodBadge } from '../../ui/MethodBadge';
import { useMocks } from './mock-queries';

export function MockList({ projectId }: { projectId: string }) {
  const { mockId, navigate } = useAppStore(useShallow((s) => ({ mockId: s.mockId, navigate: s.navigate })));
  const { data, error } = useMocks(projectId);
  const [filter, setFilter] = useState('');
  const [toggleError, setToggleError] = useState<AppErrorShape | null>(null);
  const needle = filter.trim().toLowerCase();
  const shown = data?.filter((m) => !needle || `${m.method} ${m.path} ${m.name}`.toLowerCase().includes(needle));

  const toggle = async (m: MockSummary) => {
    try {
      await call('mocks.update', { id: m.id, patch: { isActive: !m.isActive } });
      invalidate(...mockKeys(projectId, m.id));
    } catch (e) {
      setToggleError(e as AppErrorShape);
    }
  };

  return (
    <section className="mock-list" aria-label="Mocks">
      <div className="pane-head">
        <input
          type="search"
          aria-label="Filter mocks"
          placeholder="Filter mocks"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-small btn-primary"
          title="New mock (Ctrl+N)"
          onClick={() => navigate({ mockId: 'new' })}
        >
          New mock
        </button>
      </div>
      <ErrorNotice error={error ?? toggleError} onDismiss={toggleError ? () => setToggleError(null) : undefined} />
      {data && data.length === 0 && (
        <EmptyState title="No mocks yet">
          A mock answers one method and path, such as <code>GET /users/{'{id}'}</code>. Press <kbd>Ctrl</kbd>+
          <kbd>N</kbd> or “New mock” to add one.
        </EmptyState>
      )}
      <ul role="list" className="mock-items">
        {shown?.map((m) => (
          <li key={m.id} className={`mock-item ${m.id === mockId ? 'active' : ''} ${m.isActive ? '' : 'inactive'}`}>
            {/* The button holds what its name says (WCAG 2.5.3); the line below it is outside, and the
                button's ::after covers the whole row so a click anywhere opens it. */}
            <div className="row-main">
              <button
                type="button"
                className="mock-open"
                aria-current={m.id === mockId ? 'true' : undefined}
                aria-label={m.kind === 'crud' ? `CRUD ${m.path}` : `${m.method} ${m.path}`}
                title={m.path}
                onClick={() => navigate({ mockId: m.id })}
              >
                <MethodBadge method={m.kind === 'crud' ? 'CRUD' : m.method} />
                <span className="mock-path">{m.path}</span>
              </button>
              <span className="mock-sub">
                {m.name} ·{' '}
                {m.kind === 'crud'
                  ? `bucket ${m.bucket ?? '(none)'}`
                  : `${m.responseCount} ${m.responseCount === 1 ? 'response' : 'responses'}`}{' '}
                · {m.hits} {m.hits === 1 ? 'hit' : 'hits'}
                {m.chaos && (
                  <span className="mock-chaos" title={`Chaos: ${describeChaos(m.chaos)}`}>
                    {' '}
                    · ⚡ chaos
                  </span>
                )}
              </span>
            </div>
            <label className="switch" title={m.isActive ? 'Active: answering requests' : 'Inactive: requests get 404'}>
              <input
                type="checkbox"
                role="switch"
                aria-label={`Active ${m.method} ${m.path}`}
                checked={m.isActive}
                onChange={() => void toggle(m)}
              />
              <span className="switch-track" aria-hidden="true" />
            </label>
            {m.shadowedBy && (
              <div className="mock-shadow-row">
                <span
                  className="mock-shadowed"
                  title="Another active mock with the same method and path comes first and answers instead"
                >
                  ⚠ shadowed by “{data?.find((o) => o.id === m.shadowedBy)?.name ?? 'another mock'}”
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  title="Deactivate the mock that answers instead, so this one answers"
                  onClick={() => {
                    const other = data?.find((o) => o.id === m.shadowedBy);
                    if (other) void toggle(other);
                  }}
                >
                  Deactivate the other
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
