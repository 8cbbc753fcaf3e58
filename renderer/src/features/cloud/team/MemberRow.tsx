import type { MemberView, TeamRole } from '../../../../../shared/ipc/cloud-team';
import { roleLabel } from './team-queries';

/**
 * One member. The owner's role is fixed, and without the admin role the controls stay
 * visible but disabled, carrying the reason (TeamScreen shows it once above the table).
 */
export function MemberRow({
  member: m,
  canManage,
  reason,
  busy,
  onRole,
  onRemove,
}: {
  member: MemberView;
  canManage: boolean;
  reason: string | null;
  busy: boolean;
  onRole: (role: TeamRole) => void;
  onRemove: () => void;
}) {
  const owner = m.role === 'org:owner';
  const locked = !canManage || owner || busy;
  const why = owner ? 'The owner keeps the owner role.' : (reason ?? undefined);
  return (
    <tr>
      <td>
        <strong>{m.name}</strong>
        {m.isYou && <span className="badge tone-info you-badge">you</span>}
        <div className="muted small">{m.email}</div>
      </td>
      <td>
        {owner ? (
          <span className="badge tone-ok">Owner</span>
        ) : (
          <select
            aria-label={`Role of ${m.email}`}
            value={m.role}
            disabled={locked}
            title={locked ? why : undefined}
            onChange={(e) => onRole(e.target.value as TeamRole)}
          >
            <option value="org:member">Member</option>
            <option value="org:admin">Admin</option>
            {m.role !== 'org:member' && m.role !== 'org:admin' && <option value={m.role}>{roleLabel(m.role)}</option>}
          </select>
        )}
      </td>
      <td>{m.joinedAt ? new Date(m.joinedAt).toLocaleDateString() : '–'}</td>
      <td className="row-actions">
        {!owner && (
          <button
            type="button"
            className="btn btn-small btn-danger-ghost"
            aria-label={`Remove ${m.email}`}
            disabled={locked}
            title={locked ? why : undefined}
            onClick={onRemove}
          >
            {m.isYou ? 'Leave' : 'Remove'}
          </button>
        )}
      </td>
    </tr>
  );
}
