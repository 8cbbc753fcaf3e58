import { useState } from 'react';
import type { InvitationView, TeamRole } from '../../../../../shared/ipc/cloud-team';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { roleLabel } from './team-queries';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite by email with a role; the invitee joins when they next sign in. */
export function InviteForm({ orgName }: { orgName: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>('org:member');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [sent, setSent] = useState<InvitationView[]>([]);
  const problem = !email.trim()
    ? 'Type the email address to invite'
    : !EMAIL.test(email.trim())
      ? 'This is not an email address'
      : undefined;

  const send = async () => {
    setTried(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const inv = await call('team.invite', { email: email.trim(), role });
      setSent((s) => [inv, ...s.filter((x) => x.email !== inv.email)]);
      setEmail('');
      setTried(false);
      invalidate(qk.cloud.team.all);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cloud-card" aria-label="Invite people">
      <h2>Invite people to {orgName}</h2>
      <form
        className="invite-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field label="Email" error={tried ? problem : undefined} className="grow">
          {(ids) => (
            <input
              {...ids}
              type="email"
              placeholder="colleague@example.com"
              value={email}
              maxLength={320}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Role">
          {(ids) => (
            <select {...ids} value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
              <option value="org:member">Member</option>
              <option value="org:admin">Admin</option>
            </select>
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Send invitation'}
        </button>
      </form>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      {sent.length > 0 && (
        <ul className="invite-sent" aria-label="Invitations sent">
          {sent.map((i) => (
            <li key={i.id} role="status">
              Invited <strong>{i.email}</strong> as {roleLabel(i.role)} · {i.status}. They join when they next sign in.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
