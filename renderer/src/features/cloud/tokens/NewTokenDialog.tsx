import { useState } from 'react';
import type { NewTokenView } from '../../../../../shared/ipc/cloud';
import { CopyButton } from '../../../ui/CopyButton';
import { Dialog } from '../../../ui/Dialog';

/**
 * The only place a full token is ever shown. MockDeck does not keep it: once this dialog
 * closes, the value is gone from the UI for good and only the masked prefix remains.
 */
export function NewTokenDialog({
  token,
  rotated,
  onClose,
}: {
  token: NewTokenView;
  rotated: boolean;
  onClose: () => void;
}) {
  // Escape or a click outside must not throw the only copy away: until the token was copied,
  // they ask first. "I have copied it" is the user's own confirmation.
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  return (
    <Dialog
      title={rotated ? 'Your rotated token' : 'Your new API token'}
      onClose={() => (copied ? onClose() : setAsking(true))}
      className="token-dialog"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          I have copied it
        </button>
      }
    >
      <p>
        <strong>Copy this token now. You won’t see it again:</strong> MockDeck does not store it, and the cloud keeps
        only a hash.
      </p>
      <div className="token-reveal">
        <code data-testid="new-token-value" className="token-value">
          {token.token}
        </code>
        <CopyButton text={token.token} label="Copy token" onCopied={() => setCopied(true)} />
      </div>
      {asking && (
        <div className="notice notice-warn" role="alert">
          <p>The token was not copied, and it cannot be shown again. Close anyway?</p>
          <div className="toolbar">
            <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
              Keep it open
            </button>
            <button type="button" className="btn btn-small btn-danger-ghost" onClick={onClose}>
              Close without copying
            </button>
          </div>
        </div>
      )}
      <p className="muted small">
        “{token.name}” · scopes {token.scopes.join(', ') || '–'}
        {token.expiresAt ? ` · expires ${token.expiresAt.slice(0, 10)}` : ' · never expires'}.
        {rotated && ' The old token no longer works: update every place that used it.'} Use it as{' '}
        <code>Authorization: Bearer …</code> or set <code>MOCKDECK_CLOUD_TOKEN</code> in CI.
      </p>
    </Dialog>
  );
}
