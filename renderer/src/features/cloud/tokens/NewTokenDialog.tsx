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
  return (
    <Dialog
      title={rotated ? 'Your rotated token' : 'Your new API token'}
      onClose={onClose}
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
        <CopyButton text={token.token} label="Copy token" />
      </div>
      <p className="muted small">
        “{token.name}” · scopes {token.scopes.join(', ') || '–'}
        {token.expiresAt ? ` · expires ${token.expiresAt.slice(0, 10)}` : ' · never expires'}.
        {rotated && ' The old token no longer works: update every place that used it.'} Use it as{' '}
        <code>Authorization: Bearer …</code> or set <code>MOCKDECK_CLOUD_TOKEN</code> in CI.
      </p>
    </Dialog>
  );
}
