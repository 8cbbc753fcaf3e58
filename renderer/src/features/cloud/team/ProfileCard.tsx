import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { roleLabel, useProfile } from './team-queries';

/** Who you are in the cloud: display name (editable), email, and your role where you act. */
export function ProfileCard() {
  const { data: cached, error: loadError } = useProfile();
  // As on the Team screen: a failed read shows its error, not the previous account's name.
  const profile = loadError ? undefined : cached;
  const [editing, setEditing] = useState(false);
  return (
    <section className="cloud-card profile-card" aria-label="Your profile">
      <div className="card-head">
        <h2>Your profile</h2>
        {profile && !editing && (
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
            Edit name
          </button>
        )}
      </div>
      <CloudErrorNotice error={loadError} />
      {!profile && !loadError && <div className="loading">Loading profile…</div>}
      {profile && !editing && (
        <dl className="facts">
          <dt>Name</dt>
          <dd data-testid="profile-name">{profile.name}</dd>
          <dt>Email</dt>
          <dd>{profile.email}</dd>
          <dt>Acting as</dt>
          <dd>
            {profile.org
              ? `${roleLabel(profile.org.role ?? 'org:member')} of ${profile.org.name}`
              : 'You, in your personal organization'}
          </dd>
        </dl>
      )}
      {profile && editing && <NameForm current={profile.name} onDone={() => setEditing(false)} />}
    </section>
  );
}

function NameForm({ current, onDone }: { current: string; onDone: () => void }) {
  // The cloud keeps first and last names apart but shows one display name: start from it.
  const [first, ...rest] = current.split(' ');
  const [firstName, setFirst] = useState(first ?? '');
  const [lastName, setLast] = useState(rest.join(' '));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const empty = !firstName.trim() && !lastName.trim();

  const save = async () => {
    setTried(true);
    if (empty) return;
    setBusy(true);
    setError(null);
    try {
      await call('profile.update', {
        ...(firstName.trim() ? { firstName: firstName.trim() } : {}),
        ...(lastName.trim() ? { lastName: lastName.trim() } : {}),
      });
      invalidate(qk.cloud.team.all);
      onDone();
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="name-form"
      aria-label="Display name"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-row">
        <Field label="First name" error={tried && empty ? 'Give a first name, a last name or both' : undefined}>
          {(ids) => <input {...ids} value={firstName} maxLength={100} onChange={(e) => setFirst(e.target.value)} />}
        </Field>
        <Field label="Last name">
          {(ids) => <input {...ids} value={lastName} maxLength={100} onChange={(e) => setLast(e.target.value)} />}
        </Field>
      </div>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
