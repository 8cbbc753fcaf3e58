import type { SecretsModeView } from '../../../../../shared/ipc/cloud';

/** Where the sign-in token lives, said plainly: it decides whether a restart signs you out. */
export function SecretsModeNote({ mode }: { mode: SecretsModeView }) {
  const keychain = mode.kind === 'keychain';
  return (
    <div className={`secrets-note ${keychain ? 'secrets-keychain' : 'secrets-memory'}`} data-testid="secrets-mode">
      <div>
        <strong>{keychain ? 'Secrets are kept in the OS keychain' : 'Secrets are kept for this session only'}</strong>
        <div className="muted small">
          {keychain
            ? 'Your sign-in survives restarts and never touches MockDeck’s data files.'
            : 'Nothing is written to disk: you will need to sign in again after MockDeck restarts.'}{' '}
          Why: {mode.reason}
        </div>
      </div>
    </div>
  );
}
