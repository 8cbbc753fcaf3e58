import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A new organization you own; MockDeck switches to it. */
export function CreateOrgDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const nameError = !name.trim() ? 'Give the organization a name' : undefined;
  const slugError =
    slug && !SLUG.test(slug) ? 'Use lowercase letters, digits and single hyphens, e.g. acme-corp' : undefined;
  const serverSlug = error?.field === 'slug' ? error.message : undefined;

  const create = async () => {
    setTried(true);
    if (nameError || slugError) return;
    setBusy(true);
    setError(null);
    try {
      await call('team.createOrg', { name: name.trim(), ...(slug ? { slug } : {}), select: true });
      invalidate(qk.cloud.all);
      onClose();
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New organization"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="new-org-form" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create and switch'}
          </button>
        </>
      }
    >
      <form
        id="new-org-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label="Name" error={tried ? nameError : undefined}>
          {(ids) => <input {...ids} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Slug (optional)"
          error={slugError ?? serverSlug}
          help="Part of your hosted mock URLs. Left empty, it is made from the name."
        >
          {(ids) => (
            <input
              {...ids}
              value={slug}
              maxLength={80}
              placeholder="acme-corp"
              onChange={(e) => {
                setSlug(e.target.value.trim());
                if (error?.field === 'slug') setError(null);
              }}
            />
          )}
        </Field>
        {error && error.field !== 'slug' && <CloudErrorNotice error={error} onDismiss={() => setError(null)} />}
        {serverSlug && error?.hint && <p className="muted small">{error.hint}</p>}
      </form>
    </Dialog>
  );
}
