import { useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { CloudErrorNotice } from '../CloudErrorNotice';

type Provider = 'github' | 'google';
const NAMES: Record<Provider, string> = { github: 'GitHub', google: 'Google' };

/**
 * Browser sign-in: the core opens the system browser and waits for the cloud's redirect.
 * Cancel stops waiting here; the core's listener gives up by itself after five minutes.
 */
export function OAuthButtons({ onWaiting }: { onWaiting: (waiting: boolean) => void }) {
  const [waiting, setWaiting] = useState<Provider | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  // Each attempt gets a number; an answer for an attempt that was cancelled is ignored.
  const attempt = useRef(0);

  const start = async (provider: Provider) => {
    const mine = ++attempt.current;
    setError(null);
    setWaiting(provider);
    onWaiting(true);
    try {
      await call('auth.loginOAuth', { provider });
      if (attempt.current === mine) invalidate(qk.cloud.all);
    } catch (e) {
      if (attempt.current === mine) setError(e as AppErrorShape);
    } finally {
      if (attempt.current === mine) {
        setWaiting(null);
        onWaiting(false);
      }
    }
  };
  const cancel = () => {
    attempt.current++;
    setWaiting(null);
    onWaiting(false);
  };

  if (waiting) {
    return (
      <div className="oauth-waiting" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div>
          <strong>Waiting for {NAMES[waiting]} in your browser…</strong>
          <div className="muted small">
            Finish signing in on the page that opened; MockDeck picks the result up by itself. Nothing opened? Cancel
            and try again, or sign in with email.
          </div>
        </div>
        <button type="button" className="btn btn-small" onClick={cancel}>
          Cancel browser sign-in
        </button>
      </div>
    );
  }
  return (
    <div className="oauth">
      <div className="oauth-buttons">
        {(Object.keys(NAMES) as Provider[]).map((p) => (
          <button key={p} type="button" className="btn oauth-btn" onClick={() => void start(p)}>
            Sign in with {NAMES[p]}
          </button>
        ))}
      </div>
      <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
