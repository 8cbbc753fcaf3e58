import { useId, useState } from 'react';
import {
  DELETE_DATA_PHRASE,
  type DataDeletionView,
  type DataExportView,
} from '../../../../../shared/ipc/cloud-account';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { useAppStore } from '../../../app/store';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { formatBytes } from '../format';
import { saveTextFile } from './save-file';
import './account.css';

/** GDPR: download everything the cloud holds about you, or have it deleted. */
export function YourDataScreen() {
  return (
    <div className="cloud-screen">
      <div className="cloud-screen-head">
        <div>
          <h2>Your data</h2>
          <p className="muted">
            What MockForge Cloud keeps about you: your account, organizations, deployments and API tokens (names and
            prefixes only). Local projects on this machine are yours and are not affected.
          </p>
        </div>
      </div>
      <ExportCard />
      <DeleteCard />
    </div>
  );
}

function ExportCard() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DataExportView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await call('account.exportData', {});
      saveTextFile(data.fileName, data.content);
      setDone(data);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="cloud-card" aria-label="Export your data">
      <h2>Export</h2>
      <p>
        A JSON file with everything the cloud returns for you. MockDeck removes any credential from it (your session,
        API tokens, password hashes) before you save it.
      </p>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Preparing export…' : 'Export my data'}
      </button>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
      {done && (
        <div className="notice notice-ok data-export-done" role="status">
          <div>
            Export ready: <code>{done.fileName}</code> ({formatBytes(done.bytes)}).
            {done.removed > 0 && ` ${done.removed} credential value${done.removed === 1 ? ' was' : 's were'} removed.`}
          </div>
          <button type="button" className="btn btn-small" onClick={() => saveTextFile(done.fileName, done.content)}>
            Save again
          </button>
        </div>
      )}
    </section>
  );
}

function DeleteCard() {
  const id = useId();
  const notify = useAppStore((s) => s.notify);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const confirmed = typed.trim() === DELETE_DATA_PHRASE;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r: DataDeletionView = await call('account.deleteData', { confirmation: typed });
      // Signing out swaps this screen for the sign-in form, so the outcome goes to a toast.
      notify({
        kind: 'info',
        message: `${r.message}${r.deletionScheduledAt ? ` Scheduled for ${new Date(r.deletionScheduledAt).toLocaleString()}.` : ''}`,
        hint: `Signed out; ${r.wipedLinks} sync link${r.wipedLinks === 1 ? '' : 's'} and stored credentials were removed from this machine.`,
      });
    } catch (e) {
      setError(e as AppErrorShape);
      setBusy(false);
    }
  };
  return (
    <section className="cloud-card danger-zone" aria-label="Delete your data">
      <h2>Delete</h2>
      <p>
        Deletes your cloud account and everything in it: organizations you own, synced projects, deployments and API
        tokens. <strong>This cannot be undone.</strong> MockDeck then signs out and forgets which local projects were
        synced; the local projects themselves stay.
      </p>
      <form
        className="inline-row delete-confirm"
        aria-label="Delete your data"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed) void run();
        }}
      >
        <label htmlFor={id}>
          Type <code>{DELETE_DATA_PHRASE}</code> to confirm
        </label>
        <input
          id={id}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby={`${id}-help`}
        />
        <button type="submit" className="btn btn-danger" disabled={!confirmed || busy}>
          {busy ? 'Deleting…' : 'Delete my cloud data'}
        </button>
      </form>
      <div id={`${id}-help`} className="field-help">
        {confirmed
          ? 'Confirmed: the button deletes your cloud data.'
          : 'The button stays disabled until the text matches.'}
      </div>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
