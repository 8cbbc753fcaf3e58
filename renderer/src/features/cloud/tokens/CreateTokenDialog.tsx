import { useState } from 'react';
import type { NewTokenView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { expiryToIso, SCOPES, tokenFormErrors, toggleScope, type TokenForm } from './token-form';

export function CreateTokenDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (t: NewTokenView) => void;
}) {
  const [form, setForm] = useState<TokenForm>({ name: '', scopes: ['read', 'write'], expires: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const errors = tokenFormErrors(form);
  const shown = (k: keyof typeof errors) => (tried || (k !== 'name' && form[k].length > 0) ? errors[k] : undefined);

  const create = async () => {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const expiresAt = form.expires ? expiryToIso(form.expires) : null;
      const token = await call('tokens.create', {
        name: form.name.trim(),
        scopes: form.scopes,
        ...(expiresAt ? { expiresAt } : {}),
      });
      onCreated(token);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New API token"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="new-token-form" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </button>
        </>
      }
    >
      <form
        id="new-token-form"
        aria-label="New API token"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label="Token name" error={shown('name')} help="Where it will be used, so you can tell tokens apart.">
          {(ids) => <input {...ids} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map(({ scope, help }) => (
            <label key={scope} className="scope-option">
              <input
                type="checkbox"
                checked={form.scopes.includes(scope)}
                onChange={(e) => setForm({ ...form, scopes: toggleScope(form.scopes, scope, e.target.checked) })}
              />
              <strong>{scope}</strong> <span className="muted">– {help}</span>
            </label>
          ))}
          {tried && errors.scopes && (
            <div className="field-error" role="alert">
              {errors.scopes}
            </div>
          )}
        </fieldset>
        <Field
          label="Expires on (optional)"
          error={shown('expires')}
          help="Leave empty for a token that never expires."
        >
          {(ids) => (
            <input
              {...ids}
              type="date"
              value={form.expires}
              onChange={(e) => setForm({ ...form, expires: e.target.value })}
            />
          )}
        </Field>
        <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      </form>
    </Dialog>
  );
}
