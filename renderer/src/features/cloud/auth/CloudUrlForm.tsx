import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate, setQueryData } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { cloudUrlError } from './auth-validation';

export const DEFAULT_CLOUD_URL = 'https://api.mockforge.dev';

/** The server MockDeck talks to; changing it signs out, so no token is sent to another host. */
export function CloudUrlForm({ current, signedIn }: { current: string; signedIn: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const value = draft ?? current;
  const localError = draft !== null ? cloudUrlError(draft) : undefined;
  const changed = draft !== null && draft.trim().replace(/\/+$/, '') !== current;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (localError || !changed) return;
    setBusy(true);
    setError(null);
    try {
      const status = await call('cloud.setBaseUrl', { url: value.trim() });
      setQueryData(qk.cloud.status, status);
      invalidate(qk.cloud.all);
      setDraft(null);
    } catch (err) {
      setError(err as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cloud-url-form" aria-label="Cloud server" onSubmit={(e) => void save(e)}>
      <Field
        label="Cloud URL"
        error={localError ?? (error?.field === 'url' ? error.message : undefined)}
        help={
          signedIn
            ? 'Changing the server signs you out of this one.'
            : `MockForge Cloud is ${DEFAULT_CLOUD_URL}; a self-hosted or test server works too.`
        }
      >
        {(ids) => (
          <div className="inline-row">
            <input
              {...ids}
              type="url"
              value={value}
              onChange={(e) => {
                setDraft(e.target.value);
                setError(null); // "cannot reach" was about the old URL
              }}
              spellCheck={false}
            />
            <button type="submit" className="btn" disabled={busy || !changed || Boolean(localError)}>
              Use this server
            </button>
            {current !== DEFAULT_CLOUD_URL && (
              <button type="button" className="btn btn-small" onClick={() => setDraft(DEFAULT_CLOUD_URL)}>
                Reset to default
              </button>
            )}
          </div>
        )}
      </Field>
      {error && error.field !== 'url' && <CloudErrorNotice error={error} onDismiss={() => setError(null)} />}
    </form>
  );
}
