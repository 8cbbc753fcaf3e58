import { useState } from 'react';
import type { AuditEntryView } from '../../../../../shared/ipc/cloud-team';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { AUDIT_PAGE, useAudit, useTeam, type AuditQuery } from '../team/team-queries';

/** The event types the cloud is known to write; any other can be typed. */
const KNOWN_EVENTS = [
  'organization_created',
  'member_invited',
  'member_joined',
  'member_role_changed',
  'member_removed',
  'billing_checkout',
  'token_created',
  'deployment_created',
];

/** The selected organization's audit log (admins): filters, pages of 25, metadata readable. */
export function AuditScreen() {
  const [q, setQ] = useState<AuditQuery>({ offset: 0, eventType: '', userId: '' });
  const [typed, setTyped] = useState('');
  const { data: page, error, loading } = useAudit(q);
  // The first page of members names the people in the "Who" filter.
  const { data: team } = useTeam(0);
  const filter = (p: Partial<AuditQuery>) => setQ((cur) => ({ ...cur, ...p, offset: 0 }));

  return (
    <div className="cloud-screen audit-screen">
      <div className="cloud-screen-head">
        <div>
          <h2>Audit log{team ? `: ${team.org.name}` : ''}</h2>
          <p className="muted">
            Who did what in this organization, newest first. Only admins and the owner can read it.
          </p>
        </div>
      </div>
      <form
        className="audit-filters"
        aria-label="Audit log filters"
        onSubmit={(e) => {
          e.preventDefault();
          filter({ eventType: typed });
        }}
      >
        <label className="inline-label">
          Event type
          <input
            aria-label="Event type"
            list="audit-event-types"
            placeholder="any"
            value={typed}
            maxLength={100}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={() => typed !== q.eventType && filter({ eventType: typed })}
          />
          <datalist id="audit-event-types">
            {KNOWN_EVENTS.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <label className="inline-label">
          Who
          <select aria-label="Who" value={q.userId} onChange={(e) => filter({ userId: e.target.value })}>
            <option value="">anyone</option>
            {team?.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-small">
          Apply
        </button>
        {(q.eventType || q.userId) && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setTyped('');
              filter({ eventType: '', userId: '' });
            }}
          >
            Clear filters
          </button>
        )}
        {loading && page && (
          <span className="muted small" role="status">
            loading…
          </span>
        )}
      </form>
      <CloudErrorNotice error={error} />
      {!page && !error && <div className="loading">Loading the audit log…</div>}
      {/* A refused or failed read shows only why: never an older answer (perhaps another
          account's) under the error, nor "no events" as if the log were empty. */}
      {page && !error && page.entries.length === 0 && (
        <p className="muted" role="status">
          {q.offset > 0 ? 'No more events.' : 'No events match these filters.'}
        </p>
      )}
      {page && !error && page.entries.length > 0 && (
        <table className="cloud-table audit-table" aria-label="Audit events">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <AuditRow key={e.id} entry={e} />
            ))}
          </tbody>
        </table>
      )}
      {page && !error && (q.offset > 0 || page.hasMore) && (
        <div className="pager" aria-label="Audit pages">
          <button
            type="button"
            className="btn btn-small"
            disabled={q.offset === 0 || loading}
            onClick={() => setQ({ ...q, offset: Math.max(0, q.offset - AUDIT_PAGE) })}
          >
            Newer
          </button>
          <span className="muted">
            Events {q.offset + 1}–{q.offset + page.entries.length}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={!page.hasMore || loading}
            onClick={() => setQ({ ...q, offset: q.offset + AUDIT_PAGE })}
          >
            Older
          </button>
        </div>
      )}
    </div>
  );
}

function AuditRow({ entry: e }: { entry: AuditEntryView }) {
  const when = new Date(e.createdAt);
  return (
    <tr>
      <td className="audit-when" title={e.createdAt}>
        {when.toLocaleDateString()} <span className="muted">{when.toLocaleTimeString()}</span>
      </td>
      <td>
        <span className="badge">{e.eventType}</span>
      </td>
      <td>{e.userName ?? (e.userId ? <code>{e.userId}</code> : <span className="muted">the cloud</span>)}</td>
      <td>
        <div>{e.description}</div>
        {e.metadata.length > 0 && (
          <dl className="audit-meta">
            {e.metadata.map((m) => (
              <div key={m.key}>
                <dt>{m.key}</dt>
                <dd>{m.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {(e.ipAddress || e.userAgent) && (
          <div className="muted small audit-origin">{[e.ipAddress, e.userAgent].filter(Boolean).join(' · ')}</div>
        )}
      </td>
    </tr>
  );
}
