import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { ConfirmDialog } from '../../../ui/Dialog';
import { CloudErrorNotice } from '../CloudErrorNotice';

export function SignOutButton({ keychain }: { keychain: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const signOut = async () => {
    setBusy(true);
    try {
      await call('auth.logout', {});
      setConfirming(false);
      invalidate(qk.cloud.all);
    } catch (e) {
      setConfirming(false);
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
        Sign out
      </button>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      {confirming && (
        <ConfirmDialog
          title="Sign out of the cloud?"
          danger
          confirmLabel="Sign out"
          busy={busy}
          message={
            <>
              <p>
                MockDeck wipes every cloud secret it stored{keychain ? ' in the OS keychain' : ' for this session'}:
                your sign-in and the selected organization.
              </p>
              <p className="muted">
                Local projects, mocks and deployments in the cloud stay as they are. API tokens you created keep working
                until you delete them.
              </p>
            </>
          }
          onConfirm={() => void signOut()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
