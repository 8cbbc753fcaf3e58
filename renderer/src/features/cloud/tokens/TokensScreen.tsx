import { useState } from 'react';
import type { NewTokenView, TokenView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { ConfirmDialog } from '../../../ui/Dialog';
import { EmptyState } from '../../../ui/EmptyState';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useTokens } from '../cloud-queries';
import { ago, until } from '../format';
import { CreateTokenDialog } from './CreateTokenDialog';
import { NewTokenDialog } from './NewTokenDialog';

type Pending = { kind: 'rotate' | 'delete'; token: TokenView } | null;

export function TokensScreen() {
  const { data: tokens, error: loadError } = useTokens(true);
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<{ token: NewTokenView; rotated: boolean } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      if (pending.kind === 'rotate') {
        const token = await call('tokens.rotate', { id: pending.token.id, deleteOld: true });
        setRevealed({ token, rotated: true });
      } else {
        await call('tokens.delete', { id: pending.token.id });
      }
      invalidate(qk.cloud.tokens);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <div className="cloud-screen">
      <div className="cloud-screen-head">
        <div>
          <h2>API tokens</h2>
          <p className="muted">
            Tokens let scripts and CI call the cloud as this organization, without your password. Each is shown once
            when created; afterwards only its first characters.
          </p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          New token
        </button>
      </div>
      <CloudErrorNotice error={error ?? loadError} {...(error ? { onDismiss: () => setError(null) } : {})} />
      {!tokens && !loadError && <div className="loading">Loading tokens…</div>}
      {tokens && tokens.length === 0 && (
        <EmptyState title="No API tokens yet">
          Create one for CI: set it as <code>MOCKDECK_CLOUD_TOKEN</code> and <code>mockdeck</code> can sync and deploy
          without signing in.
        </EmptyState>
      )}
      {tokens && tokens.length > 0 && (
        <table className="cloud-table" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Scopes</th>
              <th scope="col">Age</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <TokenRow key={t.id} token={t} onAction={(kind) => setPending({ kind, token: t })} />
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <CreateTokenDialog
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setRevealed({ token, rotated: false });
            invalidate(qk.cloud.tokens);
          }}
        />
      )}
      {revealed && (
        <NewTokenDialog token={revealed.token} rotated={revealed.rotated} onClose={() => setRevealed(null)} />
      )}
      {pending && (
        <ConfirmDialog
          title={pending.kind === 'rotate' ? `Rotate “${pending.token.name}”?` : `Delete “${pending.token.name}”?`}
          danger={pending.kind === 'delete'}
          busy={busy}
          confirmLabel={pending.kind === 'rotate' ? 'Rotate token' : 'Delete token'}
          message={
            pending.kind === 'rotate' ? (
              <p>
                A new token with the same scopes replaces <code>{pending.token.masked}</code>, which stops working at
                once. The new one is shown once: have the place that uses it ready.
              </p>
            ) : (
              <p>
                <code>{pending.token.masked}</code> stops working at once; scripts and CI using it get 401 errors. This
                cannot be undone.
              </p>
            )
          }
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}

function TokenRow({ token: t, onAction }: { token: TokenView; onAction: (kind: 'rotate' | 'delete') => void }) {
  const expiry = t.expiresAt ? until(t.expiresAt) : 'never';
  const expired = expiry.startsWith('expired');
  return (
    <tr>
      <td>
        <strong>{t.name}</strong>
        {t.needsRotation && (
          <div className="badge badge-warn" role="note">
            ⚠ Older than 90 days: rotate it
          </div>
        )}
      </td>
      <td>
        <code data-testid="token-masked">{t.masked}</code>
      </td>
      <td>
        {t.scopes.map((s) => (
          <span key={s} className="badge">
            {s}
          </span>
        ))}
      </td>
      <td>{t.ageDays === null ? ago(t.createdAt) : t.ageDays === 0 ? 'today' : `${t.ageDays} d`}</td>
      <td>{ago(t.lastUsedAt)}</td>
      <td className={expired ? 'text-danger' : ''}>{expiry}</td>
      <td className="row-actions">
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Rotate ${t.name}`}
          onClick={() => onAction('rotate')}
        >
          Rotate
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger-ghost"
          aria-label={`Delete ${t.name}`}
          onClick={() => onAction('delete')}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
