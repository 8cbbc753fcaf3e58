import { useState } from 'react';
import type { CloudStatus } from '../../../../../shared/ipc/cloud';
import { CloudUrlForm } from './CloudUrlForm';
import { LoginForm } from './LoginForm';
import { OAuthButtons } from './OAuthButtons';
import { RegisterForm } from './RegisterForm';
import { SecretsModeNote } from './SecretsModeNote';

type Mode = 'login' | 'register';

/** Signed out: says what the cloud is for, then the three ways in. */
export function SignInScreen({ status }: { status: CloudStatus }) {
  const [mode, setMode] = useState<Mode>('login');
  const [oauthWaiting, setOauthWaiting] = useState(false);
  return (
    <div className="cloud-signin">
      <div className="cloud-intro">
        <h2>Take your mocks to your team and CI</h2>
        <p className="muted">
          Sign in to MockForge Cloud to sync projects between machines, deploy them to a public URL your team and CI can
          call, and create API tokens for scripts. Your local projects keep working without an account.
        </p>
      </div>
      <div className="cloud-card">
        <CloudUrlForm current={status.baseUrl} signedIn={false} />
      </div>
      <div className="cloud-card">
        <div role="tablist" aria-label="Account" className="tabs auth-tabs">
          {(
            [
              ['login', 'Sign in'],
              ['register', 'Create account'],
            ] as const
          ).map(([m, label]) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={`tab ${mode === m ? 'active' : ''}`}
              onClick={() => setMode(m)}
            >
              {label}
            </button>
          ))}
        </div>
        {/* Keyed by the server: an error from the previous URL ("cannot reach") does not outlive it. */}
        {mode === 'login' ? (
          <LoginForm key={`login ${status.baseUrl}`} disabled={oauthWaiting} />
        ) : (
          <RegisterForm key={`register ${status.baseUrl}`} disabled={oauthWaiting} />
        )}
        <div className="auth-divider">
          <span>or</span>
        </div>
        <OAuthButtons key={`oauth ${status.baseUrl}`} onWaiting={setOauthWaiting} />
      </div>
      <SecretsModeNote mode={status.secrets} />
    </div>
  );
}
