import type { MockResponse } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { mockKeys } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { statusTone } from '../../ui/status-class';
import { statusLabel } from '../../ui/reason-phrases';

/** Moves item `from` to `to`, returning a new array (what responses.reorder receives). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (to < 0 || to >= out.length || from === to) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

export function ResponseList({
  projectId,
  mockId,
  responses,
  selected,
  showWeight,
}: {
  projectId: string;
  mockId: string;
  responses: MockResponse[];
  selected: string | null;
  /** Only where the weight decides something (random mode, two or more responses). */
  showWeight: boolean;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);

  const move = async (from: number, to: number) => {
    try {
      await call('responses.reorder', { mockId, order: moveItem(responses, from, to).map((r) => r.id) });
      invalidate(...mockKeys(projectId, mockId));
    } catch (e) {
      const err = e as AppErrorShape;
      notify({ kind: 'error', message: err.message, hint: err.hint });
    }
  };

  return (
    <div className="response-list">
      <div className="pane-head">
        <h3>Responses</h3>
        <button type="button" className="btn btn-small btn-primary" onClick={() => navigate({ responseId: 'new' })}>
          Add response
        </button>
      </div>
      {responses.length === 0 && (
        <p className="muted small empty-inline">
          This mock has no responses yet, so requests to it get <code>404 NO_RESPONSE_DEFINED</code>. Add one to answer
          them.
        </p>
      )}
      <ol className="response-items">
        {responses.map((r, i) => (
          <li key={r.id} className={`response-item ${r.id === selected ? 'active' : ''}`}>
            {/* The button's name holds its visible text (WCAG 2.5.3); the meta line sits beside it, and
                the button's ::after covers the whole row so a click anywhere opens it. */}
            <div className="row-main">
              <button
                type="button"
                className="response-open"
                aria-label={`Response ${r.name}, ${statusLabel(r.statusCode)}`}
                aria-current={r.id === selected ? 'true' : undefined}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                title="Alt+↑ / Alt+↓ move it"
                // The one shown may be the mock's first, opened by default (MocksView): already there.
                onClick={() => r.id !== selected && navigate({ responseId: r.id })}
                onKeyDown={(e) => {
                  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  void move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
                }}
              >
                <span className="response-name">{r.name}</span>{' '}
                <span className={`status status-${statusTone(r.statusCode)}`}>{statusLabel(r.statusCode)}</span>
              </button>
              <span className="response-meta">
                {r.isDefault && <span className="pill">default</span>}
                {r.conditions.length > 0 && (
                  <span className="pill pill-accent">
                    {r.conditions.length} {r.conditions.length === 1 ? 'condition' : 'conditions'}
                  </span>
                )}
                {showWeight && <span className="muted">weight {r.weight}</span>}
              </span>
            </div>
            <span className="reorder">
              <button
                type="button"
                className="icon-btn"
                tabIndex={-1}
                aria-label={`Move ${r.name} up`}
                disabled={i === 0}
                onClick={() => void move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-btn"
                tabIndex={-1}
                aria-label={`Move ${r.name} down`}
                disabled={i === responses.length - 1}
                onClick={() => void move(i, i + 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
