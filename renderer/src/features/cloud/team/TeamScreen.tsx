import { useState } from 'react';
import type { MemberView, TeamRole } from '../../../../../shared/ipc/cloud-team';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { ConfirmDialog } from '../../../ui/Dialog';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { CreateOrgDialog } from './CreateOrgDialog';
import { InviteForm } from './InviteForm';
import { MemberRow } from './MemberRow';
import { ProfileCard } from './ProfileCard';
import { MEMBERS_PAGE, roleLabel, useTeam } from './team-queries';

/** Your profile, and the selected organization's members: invite, change roles, remove. */
export function TeamScreen() {
  const [offset, setOffset] = useState(0);
  const { data: cached, error: loadError, loading } = useTeam(offset);
  // After a failed read the cache still holds the previous answer, perhaps of another
  // organization or account: the error is shown alone rather than beside someone else's list.
  const team = loadError ? undefined : cached;
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const act = async (key: string, fn: () => Promise<string>) => {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      setDone(await fn());
      invalidate(qk.cloud.team.all);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(null);
    }
  };
  const changeRole = (m: MemberView, role: TeamRole) =>
    void act(m.membershipId, async () => {
      await call('team.setRole', { member: m.membershipId, role });
      return `${m.name} is now ${roleLabel(role).toLowerCase()}.`;
    });
  const remove = async () => {
    const m = removing;
    if (!m) return;
    await act(m.membershipId, async () => {
      await call('team.remove', { member: m.membershipId });
      // Leaving an organization leaves everything of it: the app goes back to the default one.
      if (m.isYou) {
        await call('orgs.select', { id: null });
        invalidate(qk.cloud.all);
      }
      return m.isYou ? `You left ${team?.org.name ?? 'the organization'}.` : `${m.name} was removed.`;
    });
    setRemoving(null);
  };

  const pages = team ? Math.max(1, Math.ceil(team.total / MEMBERS_PAGE)) : 1;
  return (
    <div className="cloud-screen team-screen">
      <ProfileCard />
      <div className="cloud-screen-head">
        <div>
          <h2>Team{team ? `: ${team.org.name}` : ''}</h2>
          <p className="muted">
            {team
              ? `${team.total} member${team.total === 1 ? '' : 's'} · you are ${roleLabel(team.myRole).toLowerCase()}${team.org.personal ? ' (your personal organization)' : ''}. Switch organizations at the top right.`
              : 'Who belongs to the selected organization, and what they may do.'}
          </p>
        </div>
        <div className="cloud-screen-actions">
          <button type="button" className="btn" disabled={loading} onClick={() => invalidate(qk.cloud.team.all)}>
            {loading && team ? 'Refreshing…' : 'Refresh'}
          </button>
          <button type="button" className="btn" onClick={() => setCreating(true)}>
            New organization
          </button>
        </div>
      </div>
      <CloudErrorNotice error={error ?? loadError} {...(error ? { onDismiss: () => setError(null) } : {})} />
      {done && (
        <div className="notice notice-ok" role="status">
          {done}
        </div>
      )}
      {!team && !loadError && <div className="loading">Loading members…</div>}
      {team && !team.canManage && team.manageReason && (
        <div className="notice notice-info" role="note" data-testid="team-readonly-reason">
          {team.manageReason}
        </div>
      )}
      {team && (
        <>
          <table className="cloud-table" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <MemberRow
                  key={m.membershipId}
                  member={m}
                  canManage={team.canManage}
                  reason={team.manageReason}
                  busy={busy === m.membershipId}
                  onRole={(role) => changeRole(m, role)}
                  onRemove={() => setRemoving(m)}
                />
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="pager" aria-label="Member pages">
              <button
                type="button"
                className="btn btn-small"
                disabled={offset === 0 || loading}
                onClick={() => setOffset(Math.max(0, offset - MEMBERS_PAGE))}
              >
                Previous
              </button>
              <span className="muted">
                Page {Math.floor(offset / MEMBERS_PAGE) + 1} of {pages}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={offset + MEMBERS_PAGE >= team.total || loading}
                onClick={() => setOffset(offset + MEMBERS_PAGE)}
              >
                Next
              </button>
            </div>
          )}
          {team.canManage && <InviteForm orgName={team.org.name} />}
        </>
      )}
      {creating && <CreateOrgDialog onClose={() => setCreating(false)} />}
      {removing && (
        <ConfirmDialog
          title={removing.isYou ? `Leave ${team?.org.name ?? 'this organization'}?` : `Remove ${removing.name}?`}
          danger
          busy={busy !== null}
          confirmLabel={removing.isYou ? 'Leave organization' : 'Remove member'}
          message={
            <p>
              {removing.isYou ? 'You' : <strong>{removing.email}</strong>} will lose access to the projects, deployments
              and tokens of {team?.org.name ?? 'this organization'} at once. Inviting them again brings them back.
            </p>
          }
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
